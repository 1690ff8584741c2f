//! Text that must not push a page past the window: a Console time broken only between its
//! date and its time of day, an email after its "@" (and anywhere when even its parts are
//! too long for the column), and text cut short on one line with its whole value on hover
//! and to a screen reader ([`Cut`]). The CSS is one small block in `style/main.css` ("Long
//! values"): names, emails, SIDs and URLs in cells, headers and notices wrap anywhere
//! rather than widen their box.

use leptos::prelude::*;

/// A time as the domain writes it, broken only between its date and its time of day.
#[component]
pub fn DateTime(
    /// The time, as `Timestamp`'s `Display` writes it.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let part = move |second: bool| {
        move || {
            text.with(|t| {
                let (date, time) = t.split_once(' ').unwrap_or((t.as_str(), ""));
                if second {
                    time.to_owned()
                } else {
                    date.to_owned()
                }
            })
        }
    };
    view! {
        <span class="nowrap">{part(false)}</span>
        " "
        <span class="nowrap">{part(true)}</span>
    }
}

/// An email that may break after its "@" (and nowhere else).
#[component]
pub fn Email(
    /// The address.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let part = move |second: bool| {
        move || {
            text.with(|t| match t.split_once('@') {
                Some((_, domain)) if second => domain.to_owned(),
                Some((local, _)) => format!("{local}@"),
                None if second => String::new(),
                None => t.clone(),
            })
        }
    };
    // Breaks after the "@" first; anywhere only when even a part is wider than the column.
    view! { <span class="wrap-anywhere">{part(false)}<wbr />{part(true)}</span> }
}

/// Text cut short with an ellipsis where one line is all there is room for (the top bar):
/// the whole value is its `title` (hover) and its text (a screen reader reads it all).
#[component]
pub fn Cut(
    /// The whole text.
    #[prop(into)]
    text: Signal<String>,
    /// Extra classes after `cut`.
    #[prop(optional)]
    class: &'static str,
    /// A test id.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <span class=format!("cut {class}") title=move || text.get() data-testid=testid>{move || text.get()}</span>
    }
}
