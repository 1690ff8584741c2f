//! The details list (docs/design.md, "Details list"): a fixed column of labels, each value
//! with its actions inline on the right of its row, never an action as a row of its own. A
//! refused action in a row writes its reason under it, always (not only on hover): a
//! details list is read, not scanned, and a row has the room.

use leptos::prelude::*;

/// A list of details: `Detail` rows inside a `<dl>`.
#[component]
pub fn Details(
    /// A test id for the list.
    #[prop(optional)]
    testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! { <dl class="fields" data-testid=testid>{children()}</dl> }
}

/// The actions of a [`Detail`] row (Copy, Show, Create…), on the right of its value.
#[slot]
pub struct DetailActions {
    children: Children,
}

/// One row of a details list: the label, the value, and the value's actions.
#[component]
pub fn Detail(
    /// The label, e.g. "Account SID".
    #[prop(into)]
    label: String,
    /// A test id for the value.
    #[prop(optional, into)]
    testid: Option<String>,
    /// The actions on the value, if any.
    #[prop(optional)]
    detail_actions: Option<DetailActions>,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <dt>{label}</dt>
            <dd class="field-value">
                <div class="field-text" data-testid=testid>{children()}</div>
                {detail_actions.map(|a| view! { <div class="field-actions">{(a.children)()}</div> })}
            </dd>
        </div>
    }
}
