//! The filter bar above a list (docs/design.md, "Filter bar and pager"), and the summary under
//! it. What a search matches is the domain's ([`crate::domain::search`]), the same on every
//! page.

use leptos::prelude::*;

use super::count::{count, thousands};

/// The filter bar above a list, a search landmark: a labelled search field, then the list's
/// filters (passed as children, each a `div.form-field` with its label and control), in a grid
/// whose columns stay put: a field that does not fit moves whole to the next row, and on a
/// phone every field is the width of the page.
#[component]
pub fn SearchBox(
    /// The field's id (unique on the page).
    #[prop(into)]
    id: String,
    /// What is searched, e.g. "Phone numbers": the search landmark's name.
    #[prop(into)]
    what: String,
    /// The hint inside the empty field, e.g. "Number, SID or flow".
    #[prop(into)]
    placeholder: String,
    /// The text typed.
    #[prop(into)]
    value: Signal<String>,
    /// Each change of the text.
    on_input: Callback<String>,
    /// Filters shown beside the field.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="filter-bar" role="search" aria-label=what>
            <div class="form-field">
                <label class="field-label" for=id.clone()>"Search"</label>
                <input
                    class="input"
                    id=id
                    type="search"
                    placeholder=placeholder
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
            </div>
            {children.map(|filters| filters())}
        </div>
    }
}

pub use crate::domain::search::matches;

/// What a searched list shows: "3 numbers", or "1 of 3 numbers" while a search hides some.
pub fn summary(shown: usize, total: usize, one: &str, many: &str) -> String {
    if shown == total {
        count(total, one, many)
    } else {
        format!("{} of {}", thousands(shown), count(total, one, many))
    }
}

#[cfg(test)]
mod tests {
    use super::{matches, summary};

    #[test]
    fn the_summary_says_what_a_search_hides() {
        assert_eq!(summary(1, 1, "number", "numbers"), "1 number");
        assert_eq!(summary(3, 3, "number", "numbers"), "3 numbers");
        assert_eq!(summary(1, 3, "number", "numbers"), "1 of 3 numbers");
        assert_eq!(summary(0, 0, "number", "numbers"), "0 numbers");
    }

    #[test]
    fn every_word_must_be_found_somewhere() {
        let fields = ["Voice IVR", "FW0123abcd"];
        assert!(matches("", &fields));
        assert!(matches("voice", &fields));
        assert!(matches("ivr fw0123", &fields));
        assert!(!matches("voice webchat", &fields));
        assert!(
            matches("maria garcia", &["María García"]),
            "accents and case do not count"
        );
        assert!(
            matches("garcia maria", &["María García"]),
            "nor does the order of words"
        );
    }
}
