//! Short confirmations and refusals, announced to screen readers (`aria-live`).

use leptos::prelude::*;

/// Whether a toast confirms a success or reports a refusal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something was done.
    Success,
    /// Something was refused or failed.
    Error,
}

#[derive(Clone)]
struct Toast {
    id: u64,
    tone: Tone,
    message: String,
}

/// The toast list, provided through context.
#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

/// How long a toast stays, in milliseconds.
const SHOWN_FOR_MS: u64 = 6_000;

impl Toasts {
    /// Creates the toast list and provides it to the app.
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    /// The toast list provided by [`Toasts::provide`].
    pub fn get() -> Toasts {
        expect_context::<Toasts>()
    }

    /// Shows a confirmation.
    pub fn success(&self, message: impl Into<String>) {
        self.push(Tone::Success, message.into());
    }

    /// Shows a refusal or failure.
    pub fn error(&self, message: impl Into<String>) {
        self.push(Tone::Error, message.into());
    }

    /// Shows the outcome of a command: `done` on success, the domain's message on refusal.
    pub fn outcome<T, E: std::fmt::Display>(&self, result: &Result<T, E>, done: impl Into<String>) {
        match result {
            Ok(_) => self.success(done),
            Err(e) => self.error(e.to_string()),
        }
    }

    fn push(&self, tone: Tone, message: String) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Toast { id, tone, message }));
        let list = self.list;
        set_timeout(
            move || list.update(|l| l.retain(|t| t.id != id)),
            std::time::Duration::from_millis(SHOWN_FOR_MS),
        );
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

/// Where toasts appear: one polite live region for confirmations, one assertive for refusals.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = Toasts::get();
    let region = move |tone: Tone| {
        view! {
            <For
                each=move || toasts.list.get().into_iter().filter(move |t| t.tone == tone)
                key=|t| t.id
                let:toast
            >
                <div class="toast" class:toast-error=tone == Tone::Error>
                    <span>{toast.message}</span>
                    <button
                        type="button"
                        class="toast-close"
                        aria-label="Dismiss"
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        }
    };
    view! {
        <div class="toasts">
            <div role="status" aria-live="polite" data-testid="toast-success">{region(Tone::Success)}</div>
            <div role="alert" aria-live="assertive" data-testid="toast-error">{region(Tone::Error)}</div>
        </div>
    }
}
