//! The page shown for a URL the signed-in user may not use.

use leptos::prelude::*;

use crate::domain::{Capability, describe_roles, roles_granting};

/// "You don't have permission", with the domain's reason: the roles the page needs and
/// the roles the user has.
#[component]
pub fn NoPermission(
    /// Why, in the domain's words.
    reason: String,
) -> impl IntoView {
    let who = describe_roles(&roles_granting(Capability::ManageUsers));
    view! {
        <section class="page" aria-labelledby="no-permission-title" data-testid="no-permission">
            <h1 id="no-permission-title">"You don't have permission to view this page"</h1>
            <p data-testid="no-permission-reason">{reason}</p>
            <p class="muted">"A member with the " {who} " role can change your roles."</p>
        </section>
    }
}
