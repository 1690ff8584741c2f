//! The page shown for a Flex view the worker's roles do not show.

use leptos::prelude::*;

use super::FlexScope;
use crate::domain::flex::view::{FlexChange, FlexView, describe, may_change, roles_seeing};

/// "Not available for your Flex role", naming the roles that may see the view.
#[component]
pub fn NotAvailable(
    /// The view that was asked for.
    view: FlexView,
) -> impl IntoView {
    let roles = describe(&roles_seeing(view));
    // The agent desktop is where work rings: say why this worker gets none (the domain's words).
    let no_work = (view == FlexView::AgentDesktop)
        .then(use_context::<FlexScope>)
        .flatten()
        .and_then(|scope| may_change(&scope.roles(), FlexChange::Tasks).err())
        .map(|why| why.to_string());
    view! {
        <section class="page" aria-labelledby="not-available-title" data-testid="flex-not-available">
            <h1 id="not-available-title">{format!("{} is not available for your Flex role", view.title())}</h1>
            {no_work.map(|why| view! { <p data-testid="desk-no-work">{why}</p> })}
            <p>"It is for workers with the " <strong>{roles}</strong> " Flex role."</p>
            <p class="muted">"Your Flex roles are set when you log in: from your Console roles, or by your identity provider."</p>
        </section>
    }
}
