//! Admin dashboard (`/flex/:account_sid/admin`): the Flex configuration and its settings,
//! read-only. The settings are changed where Twilio puts them, in the Console's Flex
//! settings page, which the dashboard links to.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::components::link::href;
use crate::domain::AccountPage;
use crate::domain::flex::ConfigStatus;
use crate::domain::flex::view::FlexView;
use crate::store::Store;

/// The admin dashboard view.
#[component]
pub fn AdminDashboard() -> impl IntoView {
    view! { <FlexPage view=FlexView::Admin><Dashboard /></FlexPage> }
}

/// The configuration as label, value pairs.
#[derive(Clone, Debug, PartialEq, Default)]
struct Config {
    fields: Vec<(&'static str, String)>,
}

fn on_off(on: bool) -> String {
    if on { "On" } else { "Off" }.to_owned()
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
                                ws.workflow(&cfg.taskrouter_target_workflow_sid)
                                    .map_or("", |w| w.friendly_name.as_str()),
                                cfg.taskrouter_target_workflow_sid
                            ),
                        ),
                        (
                            "Task queue",
                            format!(
                                "{} ({})",
                                ws.queue(&cfg.taskrouter_target_taskqueue_sid)
                                    .map_or("", |q| q.friendly_name.as_str()),
                                cfg.taskrouter_target_taskqueue_sid
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
                        (
                            "Call recording",
                            on_off(cfg.settings.call_recording_enabled),
                        ),
                        ("CRM panel", on_off(cfg.settings.crm_enabled)),
                        (
                            "CRM callback URL",
                            cfg.settings
                                .crm_callback_url
                                .clone()
                                .unwrap_or_else(|| "None".to_owned()),
                        ),
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
                }
            })
        })
    };
    let settings = href(&format!("/accounts/{}/flex/settings", scope.account()));
    let skills = href(&scope.path(FlexView::Skills));
    // The link only for someone the Console would let in (an SSO login may not be a member).
    let may_open = {
        let (actor, account) = (scope.actor(), *scope.account());
        Memo::new(move |_| {
            store.with(|c| {
                c.may_open(&actor, &account, AccountPage::FlexSettings)
                    .is_ok()
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
            <p data-testid="settings-link">
                "The Flex UI version, call recording and the CRM panel are changed in the Console"
                {move || if may_open.get() {
                    view! { ": " <a href=settings.clone()>"Flex settings"</a> "." }.into_any()
                } else {
                    view! { ", on the account's Flex settings page." }.into_any()
                }}
            </p>
            <h2>"Skills"</h2>
            <p>"The skills agents are given in Teams, and that task queues route on: " <a href=skills>"Skills"</a> "."</p>
        </section>
    }
}
