//! Skills (`/flex/:account_sid/admin/skills`), a page of the admin dashboard: the Flex
//! configuration's skills catalogue (`taskrouter_skills`). Flex admins add skills (a name,
//! and levels from a minimum to a maximum when the skill has them), change their levels and
//! delete them; the domain refuses a skill agents hold, naming them. A read-only admin sees
//! the catalogue and is told, on each control, why they cannot change it.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::components::confirm::ConfirmDialog;
use crate::components::dialog::{Dialog, Opened};
use crate::components::form_problem::FormProblem;
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::flex::view::FlexView;
use crate::domain::{Command, Skill};
use crate::pages::account::taskrouter::typed_optional;
use crate::store::Store;

/// A skill with how many agents hold it.
#[derive(Clone, Debug, PartialEq)]
struct SkillRow {
    skill: Skill,
    holders: usize,
}

/// What is open over the page.
#[derive(Clone, Debug, PartialEq)]
enum Open {
    Add,
    Levels(Skill),
    Delete(Skill),
}

/// The Skills view.
#[component]
pub fn SkillsPage() -> impl IntoView {
    view! { <FlexPage view=FlexView::Skills><Catalogue /></FlexPage> }
}

#[component]
fn Catalogue() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let account = *scope.account();
    let rows = Memo::new(move |_| {
        store.with(|c| {
            let Some(flex) = c.account(&account).and_then(|a| a.flex.as_ref()) else {
                return Vec::new();
            };
            flex.config
                .taskrouter_skills
                .iter()
                .map(|s| SkillRow {
                    skill: s.clone(),
                    holders: c.skill_holders(&account, &s.name).len(),
                })
                .collect::<Vec<_>>()
        })
    });
    let open = RwSignal::new(None::<Open>);
    let confirm = RwSignal::new(false);
    let actor = scope.actor();
    let can_add = offer(actor.clone(), move || Command::CreateSkill {
        account,
        skill: blank(),
    });
    let close = Callback::new(move |()| open.set(None));
    view! {
        <section class="page page-wide" aria-labelledby="skills-title">
            <div class="page-header">
                <div>
                    <p class="eyebrow">"Admin dashboard"</p>
                    <h1 id="skills-title">"Skills"</h1>
                    <p class="lead">"The skills agents can be given in Teams, with levels where a skill has them. Task queues route on them, e.g. routing.skills HAS 'sales'."</p>
                </div>
                <div class="actions">
                    <ActionButton refused=can_add class="button-primary" on_press=Callback::new(move |()| open.set(Some(Open::Add)))>
                        "Add skill"
                    </ActionButton>
                </div>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-state" data-testid="no-skills">"No skills yet. Add one, then give it to agents in Teams."</p>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty)>
                <div class="table-wrap">
                    <table class="table" data-testid="skills-table">
                        <caption class="visually-hidden">"The skills catalogue"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Skill"</th>
                                <th scope="col">"Levels"</th>
                                <th scope="col">"Agents"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.skill.name.clone(), r.skill.minimum, r.skill.maximum, r.skill.multivalue, r.holders) let:row>
                                {
                                    let name = row.skill.name.clone();
                                    let (for_levels, for_delete) = (row.skill.clone(), row.skill.clone());
                                    let asked = row.skill.clone();
                                    let actor = FlexScope::get().actor();
                                    let can_change = offer(actor.clone(), move || Command::UpdateSkill { account, skill: asked.clone() });
                                    let deleted = name.clone();
                                    let can_delete = offer(actor.clone(), move || Command::DeleteSkill { account, name: deleted.clone() });
                                    view! {
                                        <tr data-testid="skill-row">
                                            <th scope="row"><code>{name.clone()}</code></th>
                                            <td data-label="Levels">{levels_text(&row.skill)}</td>
                                            <td data-label="Agents">{row.holders}</td>
                                            <td class="row-actions">
                                                <div class="skill-actions">
                                                <ActionButton refused=can_change class="button-small" label=format!("Change levels of {name}")
                                                    on_press=Callback::new(move |()| open.set(Some(Open::Levels(for_levels.clone()))))>
                                                    "Change levels"
                                                </ActionButton>
                                                <ActionButton refused=can_delete class="button-small button-danger" label=format!("Delete {name}")
                                                    on_press=Callback::new(move |()| {
                                                        open.set(Some(Open::Delete(for_delete.clone())));
                                                        confirm.set(true);
                                                    })>
                                                    "Delete"
                                                </ActionButton>
                                                </div>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || open.get().map(|o| match o {
                Open::Add => view! { <SkillDialog editing=None on_close=close /> }.into_any(),
                Open::Levels(skill) => view! { <SkillDialog editing=Some(skill) on_close=close /> }.into_any(),
                Open::Delete(skill) => view! { <DeleteSkill skill open=confirm /> }.into_any(),
            })}
        </section>
    }
}

/// A skill with nothing typed yet.
fn blank() -> Skill {
    Skill {
        name: String::new(),
        multivalue: false,
        minimum: None,
        maximum: None,
    }
}

/// "1 to 10", or "No levels".
fn levels_text(skill: &Skill) -> String {
    match skill.levels() {
        Some((min, max)) => format!("{min} to {max}"),
        None => "No levels".to_owned(),
    }
}

/// "Add skill" (`editing` None) or "Change levels" of a skill: its name (fixed once it
/// exists), whether it has levels, and the minimum and maximum.
#[component]
fn SkillDialog(editing: Option<Skill>, on_close: Callback<()>) -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let toasts = Toasts::get();
    let account = *scope.account();
    let actor = scope.actor();
    let opened = Opened::new();
    let adding = editing.is_none();
    let skill = RwSignal::new(editing.unwrap_or_else(|| Skill {
        minimum: Some(1),
        maximum: Some(10),
        ..blank()
    }));
    let problem = RwSignal::new(None::<String>);
    let command = move || {
        let mut s = skill.get();
        if !s.multivalue {
            s.minimum = None;
            s.maximum = None;
        }
        if adding {
            Command::CreateSkill { account, skill: s }
        } else {
            Command::UpdateSkill { account, skill: s }
        }
    };
    let refused = offer(actor.clone(), command);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = skill.with_untracked(|s| s.name.trim().to_owned());
        match store.apply_as(&actor, untrack(command)) {
            Ok(_) => {
                toasts.success(if adding {
                    format!("The skill {name} was added. Give it to agents in Teams.")
                } else {
                    format!("The levels of {name} were changed.")
                });
                opened.close();
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let title = if adding { "Add skill" } else { "Change levels" };
    view! {
        <Dialog open=opened.signal() on_close title>
            <form class="dialog-form" novalidate on:submit=submit data-testid="skill-form">
                <div class="form-field">
                    <label class="field-label" for="skill-name">"Skill name"</label>
                    <input class="input" id="skill-name" type="text" autocomplete="off" maxlength="64" spellcheck="false"
                        readonly=!adding aria-describedby="skill-name-hint"
                        prop:value=move || skill.with(|s| s.name.clone())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            skill.update(|s| s.name = text);
                        } />
                    <p class="hint" id="skill-name-hint">{if adding {
                        "As queues name it, without spaces or hyphens, e.g. sales or spanish."
                    } else {
                        "A skill's name stays: agents and queues refer to it."
                    }}</p>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || skill.with(|s| s.multivalue)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            skill.update(|s| s.multivalue = on);
                        } />
                    "Has levels (an agent holds it at a level)"
                </label>
                <Show when=move || skill.with(|s| s.multivalue)>
                    <div class="form-row">
                        <div class="form-field">
                            <label class="field-label" for="skill-minimum">"Minimum level"</label>
                            <input class="input input-number" id="skill-minimum" type="number" min="0" inputmode="numeric"
                                prop:value=move || skill.with(|s| s.minimum.map(|m| m.to_string()).unwrap_or_default())
                                on:input=move |ev| {
                                    let n = typed_optional(&event_target_value(&ev));
                                    skill.update(|s| s.minimum = n);
                                } />
                        </div>
                        <div class="form-field">
                            <label class="field-label" for="skill-maximum">"Maximum level"</label>
                            <input class="input input-number" id="skill-maximum" type="number" min="0" inputmode="numeric"
                                prop:value=move || skill.with(|s| s.maximum.map(|m| m.to_string()).unwrap_or_default())
                                on:input=move |ev| {
                                    let n = typed_optional(&event_target_value(&ev));
                                    skill.update(|s| s.maximum = n);
                                } />
                        </div>
                    </div>
                </Show>
                <FormProblem problem />
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| opened.close()>"Cancel"</button>
                    <ActionButton refused class="button-primary">{if adding { "Add skill" } else { "Save levels" }}</ActionButton>
                </div>
            </form>
        </Dialog>
    }
}

/// The confirmation before deleting a skill; the domain refuses one agents hold, naming them.
#[component]
fn DeleteSkill(skill: Skill, open: RwSignal<bool>) -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let toasts = Toasts::get();
    let account = *scope.account();
    let actor = scope.actor();
    let name = skill.name.clone();
    let asked = name.clone();
    let refused = offer(actor.clone(), move || Command::DeleteSkill {
        account,
        name: asked.clone(),
    });
    let deleted = name.clone();
    let delete = move |()| {
        let result = store.apply_as(
            &actor,
            Command::DeleteSkill {
                account,
                name: deleted.clone(),
            },
        );
        toasts.outcome(&result, format!("The skill {deleted} was deleted."));
    };
    view! {
        <ConfirmDialog open title="Delete this skill?" confirm="Delete skill" refused on_confirm=delete>
            <p>{format!("{name} will leave the catalogue. Queues that route on it will match nobody new.")}</p>
        </ConfirmDialog>
    }
}
