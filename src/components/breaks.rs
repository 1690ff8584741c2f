//! Text in a table cell that may move to a second line only where it reads well, so a
//! column shrinks to fit the page instead of pushing the table past it: a Console time
//! between its date and its time of day, an email after its "@".

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
    view! { {part(false)}<wbr />{part(true)} }
}
