//! An agent's skills, from Teams: a checkbox per skill of the catalogue and, for a skill with
//! levels, the level. Written to the worker's `routing.skills` and `routing.levels` by the
//! domain, for an admin or a supervisor; anyone else who sees Teams (a read-only admin) sees
//! the same dialog, unchangeable, with the domain's reason.
//!
//! The form is a [`Draft`] over the agent's skills and the worker's revision: a change saved
//! elsewhere shows at once while nothing is ticked, and a save over it is refused with the
//! offer to load the newer values.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::FlexScope;
use crate::components::dialog::{Dialog, Opened};
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::{Command, Skill, WorkerSid};
use crate::store::Store;

/// The skills an agent holds and their levels, as the form edits them.
type Held = (Vec<String>, BTreeMap<String, u32>);

/// The Skills dialog for one agent, mounted for each opening.
#[component]
pub fn AgentSkillsDialog(
    /// The agent's worker.
    worker: WorkerSid,
    /// The agent's name.
    name: String,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let toasts = Toasts::get();
    let account = *scope.account();
    let actor = scope.actor();
    let opened = Opened::new();
    let catalogue = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account)
                .and_then(|a| a.flex.as_ref())
                .map(|f| f.config.taskrouter_skills.clone())
                .unwrap_or_default()
        })
    });
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let w = c.worker(&account, &worker)?;
            let held: Held = (w.routing.skills.clone(), w.routing.levels.clone());
            Some((held, w.revision.number))
        })
    });
    let draft = Draft::new(stored);
    let problem = RwSignal::new(None::<String>);
    let command = move |(skills, levels): Held, revision: u64| Command::SetAgentSkills {
        account,
        worker,
        skills,
        levels,
        revision,
    };
    // Whether this person may change the agent's skills at all (asked with them as they are).
    let may_not = offer(actor.clone(), move || {
        let (held, revision) = stored.get().unwrap_or_default();
        command(held, revision)
    });
    // The answer for this save: also refused when the agent changed since it was edited.
    let refused = offer(actor.clone(), move || {
        command(
            draft.values().unwrap_or_default(),
            draft.seen().unwrap_or_default(),
        )
    });
    let saved = name.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (held, seen) = untrack(|| (draft.values().unwrap_or_default(), draft.seen()));
        match store.apply_as(&actor, command(held, seen.unwrap_or_default())) {
            Ok(_) => {
                toasts.success(format!("The skills of {saved} were saved."));
                opened.close();
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let toggle = move |skill: &Skill, on: bool| {
        let (name, start) = (skill.name.clone(), skill.levels().map(|(min, _)| min));
        draft.edit(|(skills, levels)| {
            skills.retain(|s| *s != name);
            levels.remove(&name);
            if on {
                skills.push(name.clone());
                if let Some(min) = start {
                    levels.insert(name, min);
                }
            }
        });
    };
    let title = format!("Skills of {name}");
    view! {
        <Dialog open=opened.signal() on_close title>
            <form class="dialog-form" novalidate on:submit=save data-testid="agent-skills">
                {move || may_not.get().map(|why| view! { <p class="notice" id="agent-skills-why" data-testid="agent-skills-why">{why}</p> })}
                <Show when=move || draft.stale() && may_not.with(Option::is_none)>
                    <div class="notice changed-elsewhere" role="status" data-testid="changed-elsewhere">
                        <p>{move || refused.get()}</p>
                        <button type="button" class="button" on:click=move |_| {
                            draft.reload();
                            problem.set(None);
                        }>"Load the newer values"</button>
                    </div>
                </Show>
                <Show when=move || catalogue.with(Vec::is_empty)>
                    <p class="muted">"The skills catalogue is empty: Flex admins add skills on the admin dashboard's Skills page."</p>
                </Show>
                <fieldset class="skill-picker" disabled=move || may_not.with(Option::is_some)
                    aria-describedby=move || may_not.with(|w| w.is_some().then_some("agent-skills-why"))>
                    <legend class="visually-hidden">"Skills"</legend>
                    <For each=move || catalogue.get() key=|s| (s.name.clone(), s.levels()) let:skill>
                        {
                            let name = skill.name.clone();
                            let held_name = name.clone();
                            let held = move || draft.read(|(skills, _)| skills.contains(&held_name)).unwrap_or(false);
                            let held_for_level = held.clone();
                            let level_name = name.clone();
                            let level = move || draft.read(|(_, levels)| levels.get(&level_name).copied()).flatten();
                            let edit_name = name.clone();
                            let for_toggle = skill.clone();
                            let check_id = format!("skill-{name}");
                            let label_for = check_id.clone();
                            let level_id = format!("skill-{name}-level");
                            view! {
                                <div class="skill-choice" data-testid="skill-choice">
                                    <label class="check" for=label_for>
                                        <input type="checkbox" id=check_id prop:checked=held
                                            on:change=move |ev| toggle(&for_toggle, event_target_checked(&ev)) />
                                        <code>{name.clone()}</code>
                                    </label>
                                    {skill.levels().map(|(min, max)| view! {
                                        <span class="skill-level">
                                            <label class="field-label" for=level_id.clone()>{format!("Level ({min} to {max})")}</label>
                                            <input class="input input-number" id=level_id.clone() type="number"
                                                min=min.to_string() max=max.to_string() inputmode="numeric"
                                                disabled=move || !held_for_level()
                                                prop:value=move || level().map(|l| l.to_string()).unwrap_or_default()
                                                on:input=move |ev| {
                                                    let typed = event_target_value(&ev).trim().parse::<u32>().ok();
                                                    let name = edit_name.clone();
                                                    draft.edit(|(_, levels)| match typed {
                                                        Some(l) => { levels.insert(name, l); }
                                                        None => { levels.remove(&name); }
                                                    });
                                                } />
                                        </span>
                                    })}
                                </div>
                            }
                        }
                    </For>
                </fieldset>
                <FormProblem problem />
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| opened.close()>"Close"</button>
                    <ActionButton refused class="button-primary" testid="save-agent-skills">"Save skills"</ActionButton>
                </div>
            </form>
        </Dialog>
    }
}
