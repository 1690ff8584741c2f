//! Choosing a member's roles the way the Console does. The domain says which roles can be
//! given and how they combine ([`roles::pick`]); this only shows the choices.

use leptos::prelude::*;

use crate::domain::identity::roles::{self, ASSIGNABLE, COMBINING};
use crate::domain::{ConsoleRole, RoleSet, RoleSetError};

/// The picked roles, as the domain judges them.
pub fn picked(roles: &[ConsoleRole]) -> Result<RoleSet, RoleSetError> {
    RoleSet::new(roles.iter().copied())
}

/// A group of role checkboxes showing `roles`; turning one on drops those it cannot be
/// held with, and the roles picked then go to `on_pick`.
#[component]
pub fn RolePicker(
    /// The roles picked so far.
    #[prop(into)]
    roles: Signal<Vec<ConsoleRole>>,
    /// Takes the roles picked after a box is turned on or off.
    on_pick: Callback<Vec<ConsoleRole>>,
    /// The group's legend.
    #[prop(into, default = "Roles".to_string())]
    legend: String,
) -> impl IntoView {
    let toggle = move |role: ConsoleRole, on: bool| {
        on_pick.run(roles.with_untracked(|picked| roles::pick(picked, role, on)))
    };
    view! {
        <fieldset class="role-picker">
            <legend>{legend}</legend>
            {ASSIGNABLE
                .into_iter()
                .map(|role| {
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || roles.with(|r| r.contains(&role))
                                on:change=move |ev| toggle(role, event_target_checked(&ev))
                            />
                            {role.label()}
                        </label>
                    }
                })
                .collect_view()}
            <p class="hint">{COMBINING}</p>
        </fieldset>
    }
}
