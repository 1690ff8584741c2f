//! Flex settings (`/accounts/:account_sid/flex/settings`), where Twilio puts them: beside the
//! Flex overview, in the Console. Every member sees them; whether they may be saved is the
//! domain's answer for `UpdateFlexSettings` (the roles that manage project settings), given
//! before anything is typed. The Flex UI's admin dashboard shows them read-only and links here.
//!
//! The form is a [`Draft`] over the settings and their revision: untouched, it follows a
//! change saved elsewhere; edited, its save carries the revision it was edited on, and a
//! newer change is named by the domain with an offer to load it.

use leptos::prelude::*;

use super::{AccountScope, NoFlexYet, Requires};
use crate::components::draft::Draft;
use crate::components::form_problem::FormProblem;
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
    let name =
        Memo::new(move |_| store.with(|c| c.account(&account).map(|a| a.friendly_name.clone())));
    // The settings as stored, with their revision; None without a Flex instance.
    let stored = Memo::new(move |_| {
        store.with(|c| {
            let config = &c.account(&account)?.flex.as_ref()?.config;
            Some((config.settings.clone(), config.settings_revision.number))
        })
    });
    let has_flex = Memo::new(move |_| stored.with(Option::is_some));
    view! {
        <section class="page" aria-labelledby="flex-settings-title">
            <PageHeader
                id="flex-settings-title"
                title="Flex settings"
                account=Signal::derive(move || name.get().unwrap_or_default())
                description="How the account's Flex UI behaves for everyone who logs in: its version, call recording and the CRM panel."
            />
            <Show
                when=move || has_flex.get()
                fallback=|| view! { <NoFlexYet what="Flex settings" /> }
            >
                <SettingsForm draft=Draft::new(stored) />
            </Show>
        </section>
    }
}

/// The settings form: UI version, call recording and the CRM panel.
#[component]
fn SettingsForm(draft: Draft<FlexSettings>) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let error = RwSignal::new(None::<String>);
    // The settings as the form has them now, the CRM address trimmed.
    let settings = move || {
        let mut s = draft.values().unwrap_or_default();
        s.crm_callback_url = s
            .crm_callback_url
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        s
    };
    // Whether this person may save settings at all: no answer about revisions.
    let may_not = scope.offer(move |account| Command::UpdateFlexSettings {
        account: *account,
        settings: settings(),
        revision: None,
    });
    // The answer for this form's save: also refused when the settings changed since they
    // were edited here.
    let refused = scope.offer(move |account| Command::UpdateFlexSettings {
        account: *account,
        settings: settings(),
        revision: draft.seen(),
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::UpdateFlexSettings {
            account: scope.account,
            settings: untrack(settings),
            revision: untrack(move || draft.seen()),
        };
        match store.apply(command) {
            Ok(_) => {
                error.set(None);
                draft.reload();
                toasts.success("Flex settings saved.");
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let load_newer = move |_| {
        draft.reload();
        error.set(None);
    };
    // A refusal disables the whole form: nothing typed into it could be saved.
    let why = move || may_not.get().map(|_| "settings-why");
    let field = move |f: fn(&FlexSettings) -> String| move || draft.read(f).unwrap_or_default();
    view! {
        <form class="card settings-form" aria-labelledby="settings-title" on:submit=save novalidate>
            <h2 id="settings-title">"Flex UI"</h2>
            {move || may_not.get().map(|why| view! { <p id="settings-why" class="hint" data-testid="settings-why">{why}</p> })}
            <Show when=move || draft.stale() && may_not.with(Option::is_none)>
                <div class="notice changed-elsewhere" role="status" data-testid="settings-changed">
                    <p>{move || refused.get()}</p>
                    <button type="button" class="button" on:click=load_newer>"Load the newer values"</button>
                </div>
            </Show>
            <fieldset class="flex-settings" disabled=move || { may_not.get().is_some() }>
                <legend class="visually-hidden">"Flex settings"</legend>
                <label class="field-label" for="flex-ui-version">"Flex UI version"</label>
                <select id="flex-ui-version" class="input" aria-describedby=why
                    on:change=move |ev| draft.edit(|s| s.ui_version = event_target_value(&ev))>
                    {UI_VERSIONS.iter().map(|v| view! {
                        <option value=*v prop:selected=move || draft.read(|s| s.ui_version == *v).unwrap_or(false)>{*v}</option>
                    }).collect_view()}
                </select>
                <label class="check">
                    <input type="checkbox" aria-describedby=why
                        prop:checked=move || draft.read(|s| s.call_recording_enabled).unwrap_or(false)
                        on:change=move |ev| draft.edit(|s| s.call_recording_enabled = event_target_checked(&ev)) />
                    "Call recording"
                </label>
                <label class="check">
                    <input type="checkbox" aria-describedby=why
                        prop:checked=move || draft.read(|s| s.crm_enabled).unwrap_or(false)
                        on:change=move |ev| draft.edit(|s| s.crm_enabled = event_target_checked(&ev)) />
                    "CRM panel"
                </label>
                <label class="field-label" for="flex-crm-url">"CRM callback URL"</label>
                <input id="flex-crm-url" class="input" type="url" placeholder="https://crm.example.com/flex"
                    aria-describedby=why
                    prop:value=field(|s| s.crm_callback_url.clone().unwrap_or_default())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.edit(|s| s.crm_callback_url = (!text.is_empty()).then_some(text));
                    } />
            </fieldset>
            <div class="actions">
                <ActionButton refused class="button-primary" testid="save-settings">"Save settings"</ActionButton>
            </div>
            <FormProblem problem=error />
        </form>
    }
}
