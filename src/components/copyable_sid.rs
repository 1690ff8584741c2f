//! A SID (or any identifier) shown in full with a button that copies it.

use leptos::prelude::*;

use super::details::{Detail, DetailActions};
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

/// A labelled identifier with a Copy button, e.g. "Account SID  AC…  [Copy]" (a row of a
/// details list).
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
        <Detail label>
            <code data-testid=testid>{value}</code>
            <DetailActions slot>
                <button
                    type="button"
                    class="button button-small"
                    aria-label=copy_label
                    on:click=move |_| copy_to_clipboard(&what, text.clone())
                >
                    "Copy"
                </button>
            </DetailActions>
        </Detail>
    }
}

/// How many characters of a shortened SID stay visible before and after the ellipsis: the
/// two-letter prefix says what it is, the rest tells two SIDs apart at a glance.
const HEAD: usize = 6;
const TAIL: usize = 4;

/// A SID inside a table cell or a sentence, shortened in the middle ("WK3f9a…c2d1") with one
/// Copy icon; its whole value shows on hover and on the icon's focus, and is what the page's
/// text, a text selection and a screen reader have (the middle is only visually hidden).
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
    let (head, middle, tail) = shortened(&value);
    let text = value.clone();
    let whole = value.clone();
    view! {
        <span class="inline-sid" data-sid=whole>
            <code class="sid" title=value>
                {head}
                <span class="sid-middle">{middle}</span>
                <span class="sid-tail">{tail}</span>
            </code>
            <button
                type="button"
                class="copy-button"
                aria-label=copy_label
                on:click=move |_| copy_to_clipboard(&label, text.clone())
            >
                <CopyIcon />
            </button>
        </span>
    }
}

/// A value cut into what shows before the ellipsis, what it hides and what shows after; a
/// value too short to shorten is shown whole.
fn shortened(value: &str) -> (String, String, String) {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= HEAD + TAIL + 1 {
        return (value.to_owned(), String::new(), String::new());
    }
    let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let n = chars.len();
    (part(0, HEAD), part(HEAD, n - TAIL), part(n - TAIL, n))
}

/// Two overlapping sheets: the Copy icon.
#[component]
fn CopyIcon() -> impl IntoView {
    view! {
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5">
            <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
            <path d="M10.5 3V2.5A1 1 0 0 0 9.5 1.5h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1H4" />
        </svg>
    }
}
