//! The workspace's overview (`/accounts/:account_sid/taskrouter`): what it is, its two
//! settings (the activity new workers start in, and the one a timed-out reservation sends
//! its worker to), and how many of each resource it holds, each leading to its page.

use leptos::prelude::*;

use super::{TrPage, from_workspace, tr_path};
use crate::components::copyable_sid::CopyableSid;
use crate::components::count::{count, thousands};
use crate::components::link::href;
use crate::components::offer::ActionSelect;
use crate::components::toast::Toasts;
use crate::domain::{AccountPage, ActivitySid, Command, TaskRouterCommand};
use crate::pages::account::{AccountScope, Requires};
use crate::store::Store;

/// What the overview shows of the workspace.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    name: String,
    sid: String,
    max_workers: u32,
    workers: usize,
    queues: usize,
    queues_matching_nobody: usize,
    workflows: usize,
    activities: usize,
    channels: usize,
    custom_channels: usize,
    default_activity: ActivitySid,
    timeout_activity: ActivitySid,
    /// (SID, name) of every activity.
    activity_options: Vec<(String, String)>,
}

/// The TaskRouter overview page.
#[component]
pub fn TaskRouter() -> impl IntoView {
    view! {
        <Requires page=AccountPage::TaskRouter>
            <TrPage id="taskrouter-title" title="TaskRouter"
                lead="The workspace Flex routes tasks with: its settings, and the task queues, workflows, activities, task channels and workers it holds.">
                <Overview />
            </TrPage>
        </Requires>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let summary = from_workspace(|c, ws| Summary {
        name: ws.friendly_name.clone(),
        sid: ws.sid.to_string(),
        max_workers: ws.max_workers,
        workers: ws.workers.len(),
        queues: ws.task_queues.len(),
        queues_matching_nobody: ws
            .task_queues
            .iter()
            .filter(|q| c.queue_member_count(&q.sid) == 0)
            .count(),
        workflows: ws.workflows.len(),
        activities: ws.activities.len(),
        channels: ws.task_channels.len(),
        custom_channels: ws.task_channels.iter().filter(|c| !c.built_in()).count(),
        default_activity: ws.default_activity,
        timeout_activity: ws.timeout_activity,
        activity_options: ws
            .activities
            .iter()
            .map(|a| (a.sid.to_string(), a.friendly_name.clone()))
            .collect(),
    });
    move || {
        summary.get().map(|s| {
            let links = [
                (
                    AccountPage::TaskQueues,
                    count(s.queues, "task queue", "task queues"),
                    (s.queues_matching_nobody > 0).then(|| {
                        let n = s.queues_matching_nobody;
                        format!("{n} {} no worker", if n == 1 { "matches" } else { "match" })
                    }),
                    "Where tasks wait, and which workers each targets.",
                ),
                (
                    AccountPage::Workflows,
                    count(s.workflows, "workflow", "workflows"),
                    None,
                    "How a task finds its queue: filters, routing steps, the default queue.",
                ),
                (
                    AccountPage::Activities,
                    count(s.activities, "activity", "activities"),
                    None,
                    "What workers are doing, and whether they receive tasks.",
                ),
                (
                    AccountPage::TaskChannels,
                    count(s.channels, "task channel", "task channels"),
                    (s.custom_channels > 0).then(|| format!("{} custom", s.custom_channels)),
                    "The kinds of work: voice, chat, sms, email, default and your own.",
                ),
                (
                    AccountPage::Workers,
                    count(s.workers, "worker", "workers"),
                    None,
                    "The Flex users: their attributes, capacity per channel and queues.",
                ),
            ];
            view! {
                <dl class="fields" data-testid="workspace">
                    <div class="field"><dt>"Workspace"</dt><dd>{s.name.clone()}</dd></div>
                    <CopyableSid label="Workspace SID" value=s.sid.clone() />
                    <div class="field"><dt>"Max workers"</dt><dd>{thousands(s.max_workers as usize)}</dd></div>
                </dl>
                <WorkspaceSettings
                    default_activity=s.default_activity
                    timeout_activity=s.timeout_activity
                    options=s.activity_options.clone()
                />
                <h2>"What it holds"</h2>
                <ul class="tr-links" data-testid="taskrouter-links">
                    {links.into_iter().map(|(page, counted, note, what)| view! {
                        <li class="card tr-link">
                            <a href=href(&tr_path(page.path().trim_start_matches("/taskrouter")))>{page.title()}</a>
                            <p class="tr-link-count" data-testid=format!("count-{}", page.path().rsplit('/').next().unwrap_or_default())>
                                {counted}
                                {note.map(|n| view! { " · " <span class="match-none">{n}</span> })}
                            </p>
                            <p class="muted">{what}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// The default and timeout activities, each changed by choosing another.
#[component]
fn WorkspaceSettings(
    default_activity: ActivitySid,
    timeout_activity: ActivitySid,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let command = move |default_activity, timeout_activity| Command::TaskRouter {
        account: scope.account,
        change: TaskRouterCommand::SetWorkspaceActivities {
            default_activity,
            timeout_activity,
        },
    };
    let refused = scope.offer(move |_| command(default_activity, timeout_activity));
    let name_of = {
        let options = options.clone();
        move |sid: &ActivitySid| {
            options
                .iter()
                .find(|(s, _)| *s == sid.to_string())
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        }
    };
    let set = move |default: ActivitySid, timeout: ActivitySid, done: String| {
        toasts.outcome(&store.apply(command(default, timeout)), done);
    };
    let pick_default = {
        let name_of = name_of.clone();
        Callback::new(move |value: String| {
            if let Ok(sid) = value.parse::<ActivitySid>() {
                set(
                    sid,
                    timeout_activity,
                    format!("New workers now start in {}.", name_of(&sid)),
                );
            }
        })
    };
    let pick_timeout = Callback::new(move |value: String| {
        if let Ok(sid) = value.parse::<ActivitySid>() {
            set(
                default_activity,
                sid,
                format!(
                    "A worker whose reservation times out now goes to {}.",
                    name_of(&sid)
                ),
            );
        }
    });
    let options = Signal::stored(options);
    view! {
        <section class="card" aria-labelledby="workspace-settings">
            <h2 id="workspace-settings">"Workspace settings"</h2>
            <div class="form-field">
                <label class="field-label" for="default-activity">"Default activity"</label>
                <ActionSelect refused id="default-activity" label="Default activity"
                    value=Signal::stored(default_activity.to_string()) options on_pick=pick_default />
                <p class="hint">"The activity new workers start in."</p>
            </div>
            <div class="form-field">
                <label class="field-label" for="timeout-activity">"Timeout activity"</label>
                <ActionSelect refused id="timeout-activity" label="Timeout activity"
                    value=Signal::stored(timeout_activity.to_string()) options on_pick=pick_timeout />
                <p class="hint">"Where a worker goes when a reservation offered to them times out."</p>
            </div>
        </section>
    }
}
