//! The page shown for a URL the signed-in user may not use.

use leptos::prelude::*;

use crate::domain::{Capability, describe_roles, roles_granting};

/// "You don't have permission", naming the roles that would allow it.
#[component]
pub fn NoPermission(
    /// What the page is for, e.g. "Managing users".
    #[prop(into)]
    action: String,
    /// The capability the page needs.
    capability: Capability,
) -> impl IntoView {
    let roles = describe_roles(&roles_granting(capability));
    view! {
        <section class="page" aria-labelledby="no-permission-title" data-testid="no-permission">
            <h1 id="no-permission-title">"You don't have permission to view this page"</h1>
            <p>{action} " needs the " <strong>{roles}</strong> " role in this account."</p>
            <p class="muted">"Ask an Owner or Administrator of the account to change your roles."</p>
        </section>
    }
}
