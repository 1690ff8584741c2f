//! A task explains itself: its facts, why no one has it yet while it waits (the domain's
//! [`crate::domain::Console::why_waiting`], the same answer as "Try a task"), the path it
//! took (the filter it matched, each step entered and left and why, every offer and its
//! outcome, with times), every reservation with its worker and outcome, and its attributes.
//! Shown by the Flex UI's task page and by the Console's, each with its own heading.

use leptos::prelude::*;

use crate::components::duration::{clock, seconds_between, time_of_day};
use crate::domain::taskrouter::PathLine;
use crate::domain::{AccountSid, ReservationStatus, StepAnswer, TaskSid, TaskStatus, Timestamp};
use crate::store::Store;
use crate::store::routing_clock::RoutingClock;

/// One reservation as the table shows it.
#[derive(Clone, Debug, PartialEq)]
struct ReservationRow {
    sid: String,
    worker: String,
    status: ReservationStatus,
    offered: Timestamp,
    ended: Option<Timestamp>,
}

/// What the story shows of a task (without what moves with the clock).
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Who the contact is.
    pub caller: String,
    /// Its assignment status.
    pub status: TaskStatus,
    channel: String,
    workflow: String,
    queue: String,
    priority: u32,
    created: Timestamp,
    accepted: Option<Timestamp>,
    ended: Option<Timestamp>,
    reason: Option<String>,
    worker: Option<String>,
    path: Vec<PathLine>,
    reservations: Vec<ReservationRow>,
    attributes: String,
}

/// The task `task` of `account` as the story tells it (tracked), None when it does not
/// exist (TaskRouter deletes a task five minutes after it ends).
pub fn story(account: AccountSid, task: TaskSid) -> Memo<Option<Story>> {
    let store = Store::get();
    Memo::new(move |_| {
        store.with(|c| {
            let ws = c.workspace(&account)?;
            let t = ws.tasks.get(&task)?;
            let worker_name = |sid| {
                ws.workers
                    .get(sid)
                    .map_or_else(|| sid.to_string(), |w| w.full_name.clone())
            };
            Some(Story {
                caller: t.caller(),
                status: t.status,
                channel: ws
                    .channel(&t.channel)
                    .map_or_else(String::new, |c| c.name().to_owned()),
                workflow: ws
                    .workflow(&t.workflow)
                    .map_or_else(String::new, |w| w.friendly_name.clone()),
                queue: t
                    .placement
                    .and_then(|p| ws.queue(&p.queue))
                    .map_or_else(String::new, |q| q.friendly_name.clone()),
                priority: t.priority,
                created: t.created,
                accepted: t.accepted_at,
                ended: t.ended,
                reason: t.reason.clone(),
                worker: t.worker.as_ref().map(worker_name),
                path: t.told_path(),
                reservations: t
                    .reservations
                    .iter()
                    .map(|r| ReservationRow {
                        sid: r.sid.to_string(),
                        worker: worker_name(&r.worker),
                        status: r.status,
                        offered: r.created,
                        ended: r.ended,
                    })
                    .collect(),
                attributes: serde_json::to_string_pretty(&t.attributes).unwrap_or_default(),
            })
        })
    })
}

/// A status in words, capitalised.
pub fn status_word(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Pending => "Pending",
        TaskStatus::Reserved => "Reserved",
        TaskStatus::Assigned => "Assigned",
        TaskStatus::Wrapping => "Wrapping",
        TaskStatus::Completed => "Completed",
        TaskStatus::Canceled => "Canceled",
    }
}

/// The task's facts, why it waits, its path, its reservations and its attributes.
#[component]
pub fn TaskStory(
    /// The task's account.
    account: AccountSid,
    /// The task.
    task: TaskSid,
    /// The story (from [`story`]).
    story: Story,
) -> impl IntoView {
    let store = Store::get();
    let routing = RoutingClock::get();
    // Asked again when the state changes (an offer, an answer, a worker's activity), not
    // every second: the answer does not move with the clock between timers.
    let why = Memo::new(move |_| {
        let now = store.now();
        store.with(|c| c.why_waiting(&account, &task, now))
    });
    let Story {
        status,
        channel,
        workflow,
        queue,
        priority,
        created,
        accepted,
        ended,
        reason,
        worker,
        path,
        reservations,
        attributes,
        ..
    } = story;
    let waited = move || {
        let until = accepted.or(ended).unwrap_or_else(|| routing.now(store));
        clock(seconds_between(created, until))
    };
    let waited_label = if status.routing() {
        "Waiting"
    } else {
        "Waited"
    };
    view! {
        <dl class="fields task-facts" data-testid="task-facts">
            <div class="field"><dt>"Status"</dt><dd><span class="badge" data-testid="task-status">{status_word(status)}</span></dd></div>
            <div class="field"><dt>"Task SID"</dt><dd><code data-testid="task-sid">{task.to_string()}</code></dd></div>
            <div class="field"><dt>"Channel"</dt><dd>{channel}</dd></div>
            <div class="field"><dt>"Workflow"</dt><dd>{workflow}</dd></div>
            <div class="field"><dt>{if status.routing() { "Queue" } else { "Taken from queue" }}</dt><dd data-testid="task-queue">{queue}</dd></div>
            <div class="field"><dt>"Priority"</dt><dd>{priority}</dd></div>
            <div class="field"><dt>"Created"</dt><dd>{time_of_day(created)} " UTC"</dd></div>
            <div class="field"><dt>{waited_label}</dt><dd data-testid="task-waited">{waited}</dd></div>
            {worker.map(|w| view! { <div class="field"><dt>"Agent"</dt><dd data-testid="task-agent">{w}</dd></div> })}
            {reason.map(|r| view! { <div class="field"><dt>"Canceled because"</dt><dd data-testid="task-reason">{r}</dd></div> })}
        </dl>
        {move || why.get().map(|answer| view! { <WhyWaiting answer /> })}
        <section class="task-section" aria-labelledby="task-path-title">
            <h2 id="task-path-title">"Path"</h2>
            <ol class="task-path" data-testid="task-path">
                {path.into_iter().map(|line| view! {
                    <li>
                        <span class="path-time">
                            <time>{time_of_day(line.at)}</time>
                            <span class="muted">{format!(" +{}", clock(line.after))}</span>
                        </span>
                        <span class="path-what">{line.what}</span>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="task-section" aria-labelledby="task-reservations-title">
            <h2 id="task-reservations-title">"Reservations"</h2>
            {if reservations.is_empty() {
                view! { <p class="muted" data-testid="no-reservations">"Not offered to anyone yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table" data-testid="task-reservations">
                            <caption class="visually-hidden">"Every offer of the task, with its worker and outcome"</caption>
                            <thead><tr>
                                <th scope="col">"Worker"</th>
                                <th scope="col">"Outcome"</th>
                                <th scope="col">"Offered"</th>
                                <th scope="col">"Answered or ended"</th>
                                <th scope="col">"Reservation SID"</th>
                            </tr></thead>
                            <tbody>
                                {reservations.into_iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{r.worker}</th>
                                        <td data-label="Outcome">{r.status.to_string()}</td>
                                        <td data-label="Offered">{time_of_day(r.offered)}</td>
                                        <td data-label="Answered or ended">{r.ended.map_or_else(|| "—".to_owned(), time_of_day)}</td>
                                        <td data-label="Reservation SID"><code class="sid-cell">{r.sid}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="task-section" aria-labelledby="task-attributes-title">
            <h2 id="task-attributes-title">"Attributes"</h2>
            <pre class="task-attributes" data-testid="task-attributes" tabindex="0">{attributes}</pre>
        </section>
    }
}

/// Why a waiting task has no worker yet: one line, then each worker of its queue in the
/// order TaskRouter would offer it, with why not.
#[component]
fn WhyWaiting(answer: StepAnswer) -> impl IntoView {
    let summary = answer.summary();
    let leaves = answer.leaves_at.map(|age| {
        format!(
            "It leaves this step when it is {} old.",
            clock(u64::from(age))
        )
    });
    view! {
        <section class="task-section why-waiting" aria-labelledby="why-title" data-testid="why-waiting">
            <h2 id="why-title">"Why no one has it yet"</h2>
            <p class="why-summary" data-testid="why-summary">{summary}</p>
            {leaves.map(|l| view! { <p class="muted">{l}</p> })}
            {answer.expression.clone().map(|e| view! { <p class="muted">"The step's expression: " <code>{e}</code></p> })}
            <ul class="why-list" data-testid="why-list">
                {answer.candidates.into_iter().map(|c| {
                    let offered = c.not_offered.is_none();
                    let why = c.not_offered.map_or_else(|| "would be offered it now".to_owned(), |n| n.to_string());
                    view! {
                        <li class:why-free=offered>
                            <span class="why-name">{c.name}</span>
                            <span class="why-reason">{why}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
