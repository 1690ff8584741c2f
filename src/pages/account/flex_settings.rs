//! Flex settings (`/accounts/:account_sid/flex/settings`), where Twilio puts them: beside the
//! Flex overview, in the Console. Every member sees them; whether they may be saved is the
//! domain's answer for `UpdateFlexSettings` (the roles that manage project settings), given
//! before anything is typed. The Flex UI's admin dashboard shows them read-only and links here.

use leptos::prelude::*;

use super::{AccountScope, NoFlexYet, Requires};
use crate::components::offer::ActionButton;
use crate::components::page_header::PageHeader;
use crate::components::toast::Toasts;
use crate::domain::flex::UI_VERSIONS;
use crate::domain::{AccountPage, Command, FlexSettings};
use crate::store::Store;

/// The Flex settings page.
#[component]
pub fn FlexSettingsPage() -> impl IntoView {
    view! {
        <Requires page=AccountPage::FlexSettings>
            <Page />
        </Requires>
    }
}

#[component]
fn Page() -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let account = scope.account;
    // The settings as stored, and the account's name; None without a Flex instance.
    let stored = Memo::new(move |_| {
        store.with(|c| {
            c.account(&account).map(|a| {
                let settings = a.flex.as_ref().map(|f| f.config.settings.clone());
                (a.friendly_name.clone(), settings)
            })
        })
    });
    let name = move || stored.with(|s| s.as_ref().map(|(n, _)| n.clone()));
    // Mounted again when Flex appears, so the form starts from what is stored.
    let has_flex =
        Memo::new(move |_| stored.with(|s| s.as_ref().is_some_and(|(_, f)| f.is_some())));
    view! {
        <section class="page" aria-labelledby="flex-settings-title">
            <PageHeader
                id="flex-settings-title"
                title="Flex settings"
                account=Signal::derive(move || name().unwrap_or_default())
                description="How the account's Flex UI behaves for everyone who logs in: its version, call recording and the CRM panel."
            />
            <Show
                when=move || has_flex.get()
                fallback=|| view! { <NoFlexYet what="Flex settings" /> }
            >
                {move || stored.get_untracked().and_then(|(_, s)| s).map(|initial| view! { <SettingsForm initial /> })}
            </Show>
        </section>
    }
}

/// The settings form: UI version, call recording and the CRM panel.
#[component]
fn SettingsForm(initial: FlexSettings) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
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
    let refused = scope.offer(move |account| Command::UpdateFlexSettings {
        account: *account,
        settings: settings(),
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::UpdateFlexSettings {
            account: scope.account,
            settings: untrack(settings),
        };
        match store.apply(command) {
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
        <form class="card settings-form" aria-labelledby="settings-title" on:submit=save novalidate>
            <h2 id="settings-title">"Flex UI"</h2>
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
