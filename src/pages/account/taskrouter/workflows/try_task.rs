//! "Try a task": task attributes typed as JSON and a task channel, answered by the domain
//! (`Console::try_task`) without changing anything: which filter takes the task (or the
//! Default Task Queue, or nothing), each routing step in order with its queue, priority,
//! timeout, Skip If and what happens there, the workers who would be offered it now in the
//! order TaskRouter offers them, and why each other worker of the queue would not be.

use leptos::prelude::*;

use crate::components::count::thousands;
use crate::components::link::href;
use crate::domain::{
    Candidate, FilterMatch, RoutingAnswer, StepAnswer, StepOutcome, TaskChannelSid, WorkflowSid,
    read_task_attributes,
};
use crate::pages::account::AccountScope;
use crate::pages::account::taskrouter::matching::NoWorkerMatches;
use crate::pages::account::taskrouter::tr_path;
use crate::store::Store;

/// How many workers of each kind the answer names before "and N more".
const NAMED: usize = 25;

/// The question asked: the attributes as typed and the channel.
#[derive(Clone, Debug, PartialEq)]
struct Asked {
    attributes: String,
    channel: TaskChannelSid,
}

/// The "Try a task" section of a workflow's page.
#[component]
pub fn TryTask(
    /// The workflow tried (as saved).
    workflow: WorkflowSid,
    /// Whether the form above holds changes not saved yet (the try uses the saved workflow).
    #[prop(into)]
    edited: Signal<bool>,
) -> impl IntoView {
    let store = Store::get();
    let account = AccountScope::get().account;
    let channels = Memo::new(move |_| {
        store.with(|c| {
            c.workspace(&account)
                .map(|ws| {
                    ws.task_channels
                        .iter()
                        .map(|ch| (ch.sid, ch.unique_name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let attributes = RwSignal::new("{\n  \"type\": \"support\"\n}".to_owned());
    let first_channel = channels.with_untracked(|c| {
        c.iter()
            .find(|(_, n)| n == "voice")
            .or(c.first())
            .map(|(sid, _)| *sid)
    });
    let channel = RwSignal::new(first_channel);
    let asked = RwSignal::new(None::<Asked>);
    // Asked again whenever the state changes (a worker becomes available, a queue changes).
    let answer = Memo::new(move |_| {
        let asked = asked.get()?;
        let value = match read_task_attributes(&asked.attributes) {
            Ok(value) => value,
            Err(e) => return Some(Err(e.to_string())),
        };
        let now = store.now();
        Some(
            store
                .with(|c| c.try_task(&account, &workflow, &value, &asked.channel, now))
                .map_err(|e| e.to_string()),
        )
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(channel) = channel.get_untracked() {
            asked.set(Some(Asked {
                attributes: attributes.get_untracked(),
                channel,
            }));
        }
    };
    view! {
        <section class="card try-task" aria-labelledby="try-title" data-testid="try-task">
            <h2 id="try-title">"Try a task"</h2>
            <p class="muted">"Where a task with these attributes would go now, and why. Nothing is created or changed."</p>
            <Show when=move || edited.get()>
                <p class="hint" data-testid="try-unsaved">"The form above has changes not saved yet: the try uses the workflow as saved."</p>
            </Show>
            <form class="try-form" novalidate on:submit=submit>
                <div class="form-field form-field-wide">
                    <label class="field-label" for="try-attributes">"Task attributes (JSON)"</label>
                    <textarea class="input json-editor" id="try-attributes" rows="5" spellcheck="false"
                        prop:value=move || attributes.get()
                        on:input=move |ev| attributes.set(event_target_value(&ev))></textarea>
                </div>
                <div class="form-field">
                    <label class="field-label" for="try-channel">"Task channel"</label>
                    <select class="input" id="try-channel" on:change=move |ev| channel.set(event_target_value(&ev).parse().ok())>
                        <For each=move || channels.get() key=|c| c.clone() let:c>
                            {
                                let sid = c.0;
                                view! { <option value=sid.to_string() prop:selected=move || channel.get() == Some(sid)>{c.1.clone()}</option> }
                            }
                        </For>
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button button-primary">"Try a task"</button>
                </div>
            </form>
            <div class="try-answer" aria-live="polite" data-testid="try-answer">
                {move || answer.get().map(|a| match a {
                    Err(e) => view! { <p class="field-error" data-testid="try-problem">{e}</p> }.into_any(),
                    Ok(answer) => view! { <Answer answer /> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Where the task goes, step by step.
#[component]
fn Answer(answer: RoutingAnswer) -> impl IntoView {
    let filter = match &answer.filter {
        FilterMatch::Filter { label, .. } => {
            format!("{label} matches: the task goes through its routing steps.")
        }
        FilterMatch::Default => "No filter matches: the Default Task Queue takes the task.".into(),
        FilterMatch::Nothing => {
            "No filter matches and there is no Default Task Queue: the task is not routed.".into()
        }
    };
    view! {
        <p class="try-filter" data-testid="try-filter"><strong>{filter}</strong></p>
        <ol class="try-steps">
            {answer.steps.into_iter().enumerate().map(|(j, step)| view! { <Step n=j + 1 step /> }).collect_view()}
        </ol>
    }
}

/// One step of the answer: its facts, what happens there, and (for the step the task is in
/// now) the workers in offering order and why the others are not offered it.
#[component]
fn Step(n: usize, step: StepAnswer) -> impl IntoView {
    let queue_link = step.queue.map(|q| href(&tr_path(&format!("/queues/{q}"))));
    let nobody =
        step.queue.is_some() && step.candidates.is_empty() && step.outcome != StepOutcome::Later;
    let mut facts = vec![];
    facts.push(match step.priority {
        Some(p) => format!("priority {p}"),
        None => "the task keeps its priority".to_owned(),
    });
    facts.push(match step.leaves_at {
        Some(t) => format!(
            "timeout: leaves when the task is {} s old",
            thousands(t as usize)
        ),
        None => "no timeout: waits here".to_owned(),
    });
    if let Some(e) = &step.expression {
        facts.push(format!("expression {e}"));
    }
    if let Some((skip, holds)) = &step.skip_if {
        facts.push(format!(
            "Skip If {skip}: {}",
            if *holds { "holds" } else { "does not hold" }
        ));
    }
    let outcome = match step.outcome {
        StepOutcome::Offers if step.max_reserved_workers > 1 => format!(
            "Offered now: to the first {} below at once, then the next.",
            step.max_reserved_workers
        ),
        StepOutcome::Offers => {
            "Offered now: to the first worker below; if they do not accept, to the next.".to_owned()
        }
        StepOutcome::Skipped => "Skipped: nobody can take it now and Skip If holds.".to_owned(),
        StepOutcome::Waits => match step.leaves_at {
            Some(t) => format!(
                "Waits here: nobody can take it now. It moves on when it is {} s old.",
                thousands(t as usize)
            ),
            None => "Waits here: nobody can take it now, and this step has no timeout.".to_owned(),
        },
        StepOutcome::Later => {
            "Reached only if the task is still waiting when the steps before time out.".to_owned()
        }
    };
    let offered: Vec<Candidate> = step.offered().cloned().collect();
    let others: Vec<Candidate> = step
        .candidates
        .iter()
        .filter(|c| c.not_offered.is_some())
        .cloned()
        .collect();
    let current = matches!(
        step.outcome,
        StepOutcome::Offers | StepOutcome::Waits | StepOutcome::Skipped
    );
    view! {
        <li class="try-step" data-testid="try-step">
            <p class="try-step-head">
                <strong>{format!("Step {n}: ")}</strong>
                {match queue_link {
                    Some(link) => view! { <a href=link data-testid="try-queue">{step.queue_name.clone()}</a> }.into_any(),
                    None => view! { <span>"no task queue"</span> }.into_any(),
                }}
                {nobody.then(|| view! { " " <NoWorkerMatches /> })}
            </p>
            <p class="muted">{facts.join(" · ")}</p>
            <p data-testid="try-outcome">{outcome}</p>
            {current.then(|| view! {
                <Workers title="Offered now, in this order" testid="try-offered" list=offered ordered=true />
                <Workers title="Not offered now" testid="try-not-offered" list=others ordered=false />
            })}
        </li>
    }
}

/// A list of workers of the answer, each linked to their page, with why not when not offered.
#[component]
fn Workers(
    title: &'static str,
    testid: &'static str,
    list: Vec<Candidate>,
    ordered: bool,
) -> impl IntoView {
    if list.is_empty() {
        return ().into_any();
    }
    let more = list.len().saturating_sub(NAMED);
    let items = list
        .into_iter()
        .take(NAMED)
        .map(|c| {
            let link = href(&tr_path(&format!("/workers/{}", c.worker)));
            view! {
                <li>
                    <a href=link>{c.name.clone()}</a>
                    {c.not_offered.map(|why| view! { <span class="muted">{format!(": {why}")}</span> })}
                </li>
            }
        })
        .collect_view();
    let list = if ordered {
        view! { <ol class="try-workers" data-testid=testid>{items}</ol> }.into_any()
    } else {
        view! { <ul class="try-workers" data-testid=testid>{items}</ul> }.into_any()
    };
    view! {
        <p class="try-workers-title">{title}</p>
        {list}
        {(more > 0).then(|| view! { <p class="muted">{format!("and {} more", thousands(more))}</p> })}
    }
    .into_any()
}
