//! "Simulated traffic" on the Data page: the presenter chooses an account, a workflow, a
//! rate, a channel mix, a seed and simulated agents, and starts or stops a stream of
//! contacts; the domain decides everything that happens, the store keeps the timers.

use leptos::prelude::*;

use crate::components::offer::{ActionButton, offer, refusal};
use crate::domain::taskrouter::traffic::MAX_SIMULATED_AGENTS;
use crate::domain::{
    AccountSid, Actor, ChannelMix, Command, DomainError, TaskCommand, Traffic, TrafficSettings,
    WorkerSid, WorkflowSid,
};
use crate::store::Store;
use crate::store::traffic::TrafficRunner;

/// An account traffic can run in: its workflows and the workers who can take tasks.
#[derive(Clone, Debug, PartialEq)]
struct Center {
    sid: AccountSid,
    name: String,
    workflows: Vec<(WorkflowSid, String)>,
    agents: Vec<(WorkerSid, String)>,
}

fn number(text: &str) -> u32 {
    text.trim().parse().unwrap_or(0)
}

/// The "Simulated traffic" section.
#[component]
pub fn SimulatedTraffic() -> impl IntoView {
    let store = Store::get();
    let runner = TrafficRunner::get();
    let centers = Memo::new(move |_| {
        store.with(|c| {
            c.accounts()
                .filter_map(|a| {
                    let ws = &a.flex.as_ref()?.workspace;
                    Some(Center {
                        sid: a.sid,
                        name: a.friendly_name.clone(),
                        workflows: ws
                            .workflows
                            .iter()
                            .map(|w| (w.sid, w.friendly_name.clone()))
                            .collect(),
                        agents: c
                            .simulated_agent_choices(&a.sid)
                            // As many as may be simulated: a scale workspace has 15,000.
                            .take(MAX_SIMULATED_AGENTS)
                            .map(|w| (w.sid, w.full_name.clone()))
                            .collect(),
                    })
                })
                .take(50)
                .collect::<Vec<_>>()
        })
    });
    // The demo's Globex, routed, comes first when present.
    let first = centers.with_untracked(|cs| {
        cs.iter()
            .find(|c| c.workflows.iter().any(|w| w.1 == "Inbound Routing"))
            .or(cs.first())
            .map(|c| c.sid.to_string())
            .unwrap_or_default()
    });
    let account = RwSignal::new(first);
    let center = Memo::new(move |_| {
        let sid = account.get();
        centers.with(|cs| cs.iter().find(|c| c.sid.to_string() == sid).cloned())
    });
    let workflow = RwSignal::new(String::new());
    // The domain's choice: the one picked, else the account's default (or why there is none).
    let chosen_workflow = Memo::new(move |_| {
        let picked = workflow.get().parse::<WorkflowSid>().ok();
        let sid = center.with(|c| c.as_ref().map(|c| c.sid))?;
        Some(store.with(|c| c.traffic_workflow(&sid, picked)))
    });
    let rate = RwSignal::new("12".to_owned());
    let voice = RwSignal::new("60".to_owned());
    let chat = RwSignal::new("30".to_owned());
    let sms = RwSignal::new("10".to_owned());
    let seed = RwSignal::new("1".to_owned());
    let agents = RwSignal::new(Vec::<WorkerSid>::new());
    let settings = move || -> Option<Result<TrafficSettings, DomainError>> {
        chosen_workflow.get().map(|w| {
            let w = w?;
            let mut s = TrafficSettings::new(u64::from(number(&seed.get())), w);
            s.per_minute = number(&rate.get());
            s.mix = ChannelMix {
                voice: number(&voice.get()),
                chat: number(&chat.get()),
                sms: number(&sms.get()),
            };
            Ok(s)
        })
    };
    // The domain's answer for starting: the settings (errors in them show when pressed),
    // then the simulated agents, as simulated traffic.
    let refused = Memo::new(move |_| {
        let c = center.get()?;
        let now = store.now();
        let started =
            settings()?.and_then(|s| store.with(|console| Traffic::start(console, &c.sid, s, now)));
        refusal(started.and_then(|_| {
            store.check(
                &Actor::Simulator,
                &Command::Task {
                    account: c.sid,
                    change: TaskCommand::SetSimulatedAgents {
                        workers: agents.get(),
                    },
                },
            )
        }))
    });
    let problem = RwSignal::new(None::<String>);
    let start = move |()| {
        let (Some(c), Some(s)) = (center.get_untracked(), untrack(settings)) else {
            return;
        };
        match s.and_then(|s| runner.start(store, c.sid, s, agents.get_untracked())) {
            Ok(()) => problem.set(None),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let status = move || {
        let (sid, s, sent) = runner.running()?;
        let (name, waiting, handled) = store.with(|c| {
            let (_, all) = c.queue_stats(&sid, store.now());
            (
                c.account(&sid)
                    .map(|a| a.friendly_name.clone())
                    .unwrap_or_default(),
                all.waiting,
                all.active,
            )
        });
        Some(format!(
            "Running into {name}: {} contacts a minute, {sent} sent so far; {waiting} waiting, {handled} being handled.",
            s.per_minute
        ))
    };
    let field = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="form-field">
                <label class="field-label" for=id>{label}</label>
                <input class="input" id=id inputmode="numeric" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <section class="data-section" aria-labelledby="data-traffic-title">
            <h2 id="data-traffic-title">"Simulated traffic"</h2>
            <p>"A stream of contacts into an account (the demo's languages, types and VIPs), and simulated agents who go Available, accept after a few seconds and complete after a handling time. The same seed gives the same traffic; it runs while this tab is open."</p>
            <Show when=move || runner.running().is_none() fallback=move || view! {
                <p role="status" data-testid="traffic-status">{status}</p>
                <StopTraffic />
            }>
                <Show when=move || centers.with(|c| !c.is_empty()) fallback=|| view! {
                    <p class="empty-state" data-testid="traffic-no-flex">"No account has Flex yet. Set Flex up in an account, then simulate its contacts here."</p>
                }>
                    <div class="inline-form">
                        <div class="form-field">
                            <label class="field-label" for="traffic-account">"Account"</label>
                            <select class="input" id="traffic-account" prop:value=move || account.get()
                                on:change=move |ev| { account.set(event_target_value(&ev)); agents.set(Vec::new()); }>
                                {move || centers.get().into_iter().map(|c| view! {
                                    <option value=c.sid.to_string()>{c.name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="form-field">
                            <label class="field-label" for="traffic-workflow">"Workflow"</label>
                            <select class="input" id="traffic-workflow"
                                prop:value=move || chosen_workflow.get().and_then(Result::ok).map(|w| w.to_string()).unwrap_or_default()
                                on:change=move |ev| workflow.set(event_target_value(&ev))>
                                {move || center.get().map(|c| c.workflows.into_iter().map(|(sid, name)| view! {
                                    <option value=sid.to_string()>{name}</option>
                                }).collect_view())}
                            </select>
                        </div>
                        {field("traffic-rate", "Contacts a minute", rate)}
                        {field("traffic-voice", "Calls (%)", voice)}
                        {field("traffic-chat", "Chats (%)", chat)}
                        {field("traffic-sms", "SMS (%)", sms)}
                        {field("traffic-seed", "Seed", seed)}
                    </div>
                    <fieldset class="traffic-agents">
                        <legend>"Simulated agents"</legend>
                        {move || center.get().map(|c| c.agents.into_iter().map(|(sid, name)| {
                            let id = format!("agent-{sid}");
                            let label_for = id.clone();
                            view! {
                                <label class="checkbox" for=label_for>
                                    <input type="checkbox" id=id
                                        prop:checked=move || agents.with(|a| a.contains(&sid))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            agents.update(|a| {
                                                a.retain(|w| *w != sid);
                                                if on { a.push(sid); }
                                            });
                                        } />
                                    {name}
                                </label>
                            }
                        }).collect_view())}
                    </fieldset>
                    <ActionButton refused inline=true class="button-primary" on_press=Callback::new(start)>
                        "Start traffic"
                    </ActionButton>
                    {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
                </Show>
            </Show>
        </section>
    }
}

/// "Stop traffic": its simulated agents go Offline, asked first as simulated traffic.
#[component]
fn StopTraffic() -> impl IntoView {
    let store = Store::get();
    let runner = TrafficRunner::get();
    let running = untrack(|| runner.running().map(|(sid, ..)| sid));
    let refused = match running {
        Some(account) => offer(Actor::Simulator, move || Command::Task {
            account,
            change: TaskCommand::SetSimulatedAgents {
                workers: Vec::new(),
            },
        }),
        None => Memo::new(|_| None),
    };
    view! {
        <ActionButton refused inline=true class="button-danger" on_press=Callback::new(move |()| runner.stop(store))>
            "Stop traffic"
        </ActionButton>
    }
}
