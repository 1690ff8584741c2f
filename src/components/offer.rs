//! One way for a page to offer a command: before a control is pressed, the domain says
//! whether the person may run it now and, if not, why ([`crate::domain::Console::check`]).
//!
//! A refused control stays focusable (`aria-disabled`, not `disabled`), so a keyboard or
//! screen-reader user reaches it and hears the reason through `aria-describedby`; the
//! reason shows on hover, on focus and when the control is tapped. Only refusals disable:
//! an error about the values given (a name, an email, TwiML) is the person's to correct in
//! the same control and is shown once it is used, so a command built from a half-filled
//! form is a fair question to ask.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::domain::{Actor, Command};
use crate::store::Store;

/// Why the control may not be used now (None: it may), in the domain's words.
pub type Refusal = Memo<Option<String>>;

/// The domain's answer for `command` by `actor`, asked again whenever the state (or a
/// signal `command` reads) changes.
pub fn offer(actor: Actor, command: impl Fn() -> Command + Send + Sync + 'static) -> Refusal {
    let store = Store::get();
    Memo::new(move |_| refusal(store.check(&actor, &command())))
}

/// [`offer`] for the user signed in in this tab, refused when nobody is.
pub fn offer_signed_in(command: impl Fn() -> Command + Send + Sync + 'static) -> Refusal {
    let store = Store::get();
    Memo::new(move |_| refusal(store.check_signed_in(&command())))
}

/// A refusal to show, if `answer` is one: errors about the values given do not count.
pub fn refusal(answer: Result<(), crate::domain::DomainError>) -> Option<String> {
    answer
        .err()
        .filter(|e| !e.concerns_input())
        .map(|e| e.to_string())
}

/// A page-unique id for a reason element.
pub fn reason_id() -> String {
    unique_id("why")
}

/// A page-unique id that starts with `prefix`.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A button that runs a command, refused up front with the domain's reason.
#[component]
pub fn ActionButton(
    /// The domain's answer for the command the button runs.
    refused: Refusal,
    /// What pressing does when allowed (not called when refused). Leave it out for a
    /// form's submit button: the form's submit handler runs.
    #[prop(optional)]
    on_press: Option<Callback<()>>,
    /// Extra classes after `button`, e.g. "button-primary button-small".
    #[prop(optional)]
    class: &'static str,
    /// The accessible name when the visible text is not enough ("Remove Maria Garcia").
    #[prop(optional, into)]
    label: MaybeProp<String>,
    /// The reason shown as a line of text under the button, not only on hover and focus.
    #[prop(optional)]
    inline: bool,
    /// A test id for the button.
    #[prop(optional)]
    testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let id = reason_id();
    let tapped = RwSignal::new(false);
    let end = RwSignal::new(false);
    let kind = if on_press.is_some() {
        "button"
    } else {
        "submit"
    };
    let press = move |ev: leptos::ev::MouseEvent| {
        if refused.with_untracked(Option::is_some) {
            // Keeps a submit button from submitting; a tap shows the reason.
            ev.prevent_default();
            tapped.update(|t| *t = !*t);
        } else if let Some(on_press) = on_press {
            on_press.run(());
        }
    };
    let described = id.clone();
    view! {
        <span class="offer" class:offer-inline=inline class:offer-end=end>
            <button
                type=kind
                class=format!("button {class}")
                aria-disabled=move || refused.with(|r| r.is_some().then_some("true"))
                aria-describedby=move || refused.with(|r| r.is_some().then(|| described.clone()))
                aria-label=move || label.get()
                data-testid=testid
                on:click=press
                on:blur=move |_| tapped.set(false)
                on:mouseenter=move |ev| end.set(near_right_edge(&ev))
                on:focus=move |ev| end.set(near_right_edge(&ev))
            >
                {children()}
            </button>
            {move || refused.get().map(|why| view! {
                <span id=id.clone() class="offer-why" class:offer-why-shown=move || tapped.get() data-testid="refusal">
                    {why}
                </span>
            })}
        </span>
    }
}

/// A select whose change runs a command, disabled up front with the domain's reason
/// (a select cannot be `aria-disabled`, so it is disabled and the reason stays visible). It
/// always shows `value`, the state's: the option for it is found by its value, not its place.
#[component]
pub fn ActionSelect(
    /// The domain's answer for the command a change runs.
    refused: Refusal,
    /// The select's accessible name.
    #[prop(into)]
    label: String,
    /// The value selected.
    #[prop(into)]
    value: Signal<String>,
    /// The options: (value, text).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// Runs the command for the value picked.
    on_pick: Callback<String>,
    /// An id for the select, for a `<label for>` elsewhere.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes after `input`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let why = reason_id();
    let described = why.clone();
    let change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        on_pick.run(picked);
        // Show the value the state really has (a refused change leaves it as it was).
        set_select_value(&ev, &value.get_untracked());
    };
    view! {
        <span class="offer offer-inline">
            <select
                id=id
                class=format!("input {class}")
                aria-label=label
                disabled=move || refused.with(Option::is_some)
                aria-describedby=move || refused.with(|r| r.is_some().then(|| described.clone()))
                on:change=change
            >
                // Keyed, each option saying whether it is the value: a list that changes
                // (a flow deleted in another tab) never moves the selection to another one.
                <For each=move || options.get() key=|option| option.clone() let:option>
                    {
                        let (v, text) = option;
                        let mine = v.clone();
                        view! { <option value=v prop:selected=move || value.with(|now| *now == mine)>{text}</option> }
                    }
                </For>
            </select>
            {move || refused.get().map(|reason| view! {
                <span id=why.clone() class="offer-why" data-testid="refusal">{reason}</span>
            })}
        </span>
    }
}

/// Whether the reason, shown under the control, would run off the right of the window: it
/// is then lined up with the control's right edge instead of its left.
fn near_right_edge(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    const REASON_WIDTH: f64 = 352.0; // .offer-why's max-width, 22rem
    let Some(control) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::MAX);
    control.get_bounding_client_rect().left() + REASON_WIDTH > width
}

fn set_select_value(ev: &leptos::ev::Event, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(select) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value(value);
    }
}
