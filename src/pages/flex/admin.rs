//! Admin dashboard (`/flex/:account_sid/admin`): the Flex configuration and its settings.
//! Whether the settings may be saved is the domain's answer for `UpdateFlexSettings`
//! (Console roles that manage project settings), given before anything is typed.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::components::offer::{ActionButton, offer};
use crate::components::toast::Toasts;
use crate::domain::flex::{ConfigStatus, UI_VERSIONS};
use crate::domain::flex_view::FlexView;
use crate::domain::{Command, FlexSettings};
use crate::store::Store;

/// The admin dashboard view.
#[component]
pub fn AdminDashboard() -> impl IntoView {
    view! { <FlexPage view=FlexView::Admin><Dashboard /></FlexPage> }
}

/// The configuration as label, value pairs, and the settings.
#[derive(Clone, Debug, PartialEq, Default)]
struct Config {
    fields: Vec<(&'static str, String)>,
    settings: FlexSettings,
}

#[component]
fn Dashboard() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let config = {
        let scope = scope.clone();
        Memo::new(move |_| {
            store.with(|c| {
                let Some(flex) = c.account(scope.account()).and_then(|a| a.flex.as_ref()) else {
                    return Config::default();
                };
                let (cfg, ws) = (&flex.config, &flex.workspace);
                let offline = ws
                    .activity(&cfg.taskrouter_offline_activity_sid)
                    .map(|a| a.friendly_name.clone())
                    .unwrap_or_default();
                let services: Vec<String> = cfg
                    .serverless_service_sids
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                Config {
                    fields: vec![
                        ("Flex Instance SID", flex.sid.to_string()),
                        (
                            "TaskRouter workspace",
                            format!("{} ({})", ws.friendly_name, cfg.taskrouter_workspace_sid),
                        ),
                        (
                            "Workflow",
                            format!(
                                "{} ({})",
                                ws.workflow.friendly_name, cfg.taskrouter_target_workflow_sid
                            ),
                        ),
                        (
                            "Task queue",
                            format!(
                                "{} ({})",
                                ws.task_queue.friendly_name, cfg.taskrouter_target_taskqueue_sid
                            ),
                        ),
                        (
                            "Offline activity",
                            format!("{offline} ({})", cfg.taskrouter_offline_activity_sid),
                        ),
                        (
                            "Chat service",
                            format!(
                                "{} ({})",
                                flex.conversations_service.friendly_name,
                                cfg.chat_service_instance_sid
                            ),
                        ),
                        ("Serverless services", services.join(", ")),
                        ("Flex UI version", cfg.settings.ui_version.clone()),
                        ("Runtime domain", cfg.runtime_domain.clone()),
                        (
                            "Status",
                            match cfg.status {
                                ConfigStatus::NotStarted => "notstarted",
                                ConfigStatus::InProgress => "inprogress",
                                ConfigStatus::Ok => "ok",
                            }
                            .to_owned(),
                        ),
                    ],
                    settings: cfg.settings.clone(),
                }
            })
        })
    };
    view! {
        <section class="page page-wide" aria-labelledby="admin-title">
            <h1 id="admin-title">"Admin dashboard"</h1>
            <h2>"Flex configuration"</h2>
            <dl class="fields" data-testid="flex-configuration">
                {move || config.get().fields.into_iter().map(|(label, value)| view! {
                    <div class="field"><dt>{label}</dt><dd><code>{value}</code></dd></div>
                }).collect_view()}
            </dl>
            <Settings initial=config.get_untracked().settings />
        </section>
    }
}

/// The settings form: UI version, call recording and the CRM panel.
#[component]
fn Settings(initial: FlexSettings) -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let toasts = Toasts::get();
    let ui_version = RwSignal::new(initial.ui_version);
    let recording = RwSignal::new(initial.call_recording_enabled);
    let crm = RwSignal::new(initial.crm_enabled);
    let crm_url = RwSignal::new(initial.crm_callback_url.unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    // The settings as the form has them now.
    let settings = move || {
        let url = crm_url.get().trim().to_owned();
        FlexSettings {
            ui_version: ui_version.get(),
            call_recording_enabled: recording.get(),
            crm_enabled: crm.get(),
            crm_callback_url: (!url.is_empty()).then_some(url),
        }
    };
    let account = scope.account().clone();
    let refused = offer(scope.actor(), move || Command::UpdateFlexSettings {
        account: account.clone(),
        settings: settings(),
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::UpdateFlexSettings {
            account: scope.account().clone(),
            settings: untrack(settings),
        };
        match store.apply_as(&scope.actor(), command) {
            Ok(_) => {
                error.set(None);
                toasts.success("Flex settings saved.");
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    // A refusal disables the whole form: nothing typed into it could be saved.
    let why = move || refused.get().map(|_| "settings-why");
    view! {
        <form class="card" aria-labelledby="settings-title" on:submit=save novalidate>
            <h2 id="settings-title">"Settings"</h2>
            {move || refused.get().map(|why| view! { <p id="settings-why" class="hint" data-testid="settings-why">{why}</p> })}
            <fieldset class="flex-settings" disabled=move || { refused.get().is_some() }>
                <legend class="visually-hidden">"Flex settings"</legend>
                <label class="field-label" for="flex-ui-version">"Flex UI version"</label>
                <select id="flex-ui-version" class="input" aria-describedby=why
                    on:change=move |ev| ui_version.set(event_target_value(&ev))>
                    {UI_VERSIONS.iter().map(|v| view! {
                        <option value=*v selected=move || { ui_version.get() == *v }>{*v}</option>
                    }).collect_view()}
                </select>
                <label class="check">
                    <input type="checkbox" aria-describedby=why prop:checked=move || recording.get()
                        on:change=move |ev| recording.set(event_target_checked(&ev)) />
                    "Call recording"
                </label>
                <label class="check">
                    <input type="checkbox" aria-describedby=why prop:checked=move || crm.get()
                        on:change=move |ev| crm.set(event_target_checked(&ev)) />
                    "CRM panel"
                </label>
                <label class="field-label" for="flex-crm-url">"CRM callback URL"</label>
                <input id="flex-crm-url" class="input" type="url" placeholder="https://crm.example.com/flex"
                    aria-describedby=why prop:value=move || crm_url.get()
                    on:input=move |ev| crm_url.set(event_target_value(&ev)) />
            </fieldset>
            <div class="actions">
                <ActionButton refused class="button-primary" testid="save-settings">"Save settings"</ActionButton>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="settings-error">{e}</p> })}
        </form>
    }
}
