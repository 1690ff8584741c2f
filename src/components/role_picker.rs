//! Choosing a member's roles the way the Console does: Administrator alone, or any
//! combination of Developer, Billing Manager and Support. The domain's [`RoleSet`] decides
//! what is valid; this only offers the choices.

use leptos::prelude::*;

use crate::domain::{ConsoleRole, RoleSet, RoleSetError};

/// The roles a member can be given (Owner only moves by transfer).
const ASSIGNABLE: [ConsoleRole; 4] = [
    ConsoleRole::Administrator,
    ConsoleRole::Developer,
    ConsoleRole::BillingManager,
    ConsoleRole::Support,
];

/// The picked roles, as the domain judges them.
pub fn picked(roles: &[ConsoleRole]) -> Result<RoleSet, RoleSetError> {
    RoleSet::new(roles.iter().copied())
}

/// A group of role checkboxes bound to `roles`. Picking Administrator clears the others
/// and picking another clears Administrator, since Administrator stands alone.
#[component]
pub fn RolePicker(
    /// The roles picked so far.
    roles: RwSignal<Vec<ConsoleRole>>,
    /// The group's legend.
    #[prop(into, default = "Roles".to_string())]
    legend: String,
) -> impl IntoView {
    let toggle = move |role: ConsoleRole, on: bool| {
        roles.update(|picked| {
            picked.retain(|r| *r != role);
            if on {
                if role == ConsoleRole::Administrator {
                    picked.clear();
                } else {
                    picked.retain(|r| *r != ConsoleRole::Administrator);
                }
                picked.push(role);
            }
        })
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
            <p class="hint">"Administrator stands alone; Developer, Billing Manager and Support can be combined."</p>
        </fieldset>
    }
}
