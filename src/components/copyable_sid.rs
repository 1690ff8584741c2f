//! A SID (or any identifier) shown in full with a button that copies it.

use leptos::prelude::*;

use super::toast::Toasts;

/// Copies text to the clipboard and confirms it with a toast.
pub fn copy_to_clipboard(what: &str, text: String) {
    let toasts = Toasts::get();
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        toasts.error("The clipboard is not available in this browser.");
        return;
    };
    let promise = clipboard.write_text(&text);
    let what = what.to_string();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => toasts.success(format!("{what} copied.")),
            Err(_) => toasts.error(format!(
                "Could not copy the {what}: the browser refused clipboard access."
            )),
        }
    });
}

/// A labelled identifier with a Copy button, e.g. "Account SID  AC…  [Copy]".
#[component]
pub fn CopyableSid(
    /// What the identifier is, e.g. "Account SID".
    #[prop(into)]
    label: String,
    /// The identifier.
    #[prop(into)]
    value: String,
) -> impl IntoView {
    let copy_label = format!("Copy {label}");
    let testid = label.to_lowercase().replace(' ', "-");
    let text = value.clone();
    let what = label.clone();
    view! {
        <div class="field">
            <dt>{label}</dt>
            <dd class="field-value">
                <code data-testid=testid>{value}</code>
                <button
                    type="button"
                    class="button button-small"
                    aria-label=copy_label
                    on:click=move |_| copy_to_clipboard(&what, text.clone())
                >
                    "Copy"
                </button>
            </dd>
        </div>
    }
}

/// A SID inside a table cell or a sentence, with a small Copy button.
#[component]
pub fn InlineSid(
    /// What the SID names, e.g. "Phone number SID": the button says "Copy Phone number SID".
    #[prop(into)]
    label: String,
    /// The SID.
    #[prop(into)]
    value: String,
) -> impl IntoView {
    let copy_label = format!("Copy {label} {value}");
    let text = value.clone();
    view! {
        <span class="inline-sid">
            <code>{value}</code>
            <button
                type="button"
                class="button button-small"
                aria-label=copy_label
                on:click=move |_| copy_to_clipboard(&label, text.clone())
            >
                "Copy"
            </button>
        </span>
    }
}
