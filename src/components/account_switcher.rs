//! The account switcher in the top bar: every account of the signed-in user with their role
//! and the account's status, searchable, most recently used first, usable from the keyboard.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use super::link::{app_path, href};
use super::listbox;
use crate::components::breaks::Cut;
use crate::domain::search::Query;
use crate::domain::{AccountPage, AccountSid, AccountStatus, Actor, UserSid};
use crate::store::Store;

/// One account as the switcher lists it.
#[derive(Clone, PartialEq)]
struct Choice {
    sid: AccountSid,
    name: String,
    roles: String,
    status: AccountStatus,
}

/// The account in the current URL (`/accounts/:sid/...`), if any.
pub fn current_account() -> Memo<Option<AccountSid>> {
    let location = use_location();
    Memo::new(move |_| {
        let path = app_path(&location.pathname.get());
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next()) {
            (Some("accounts" | "flex"), Some(sid)) => sid.parse().ok(),
            _ => None,
        }
    })
}

/// The same page of another account: `/accounts/A/flex` becomes `/accounts/B/flex`.
fn same_page_of(path: &str, to: &AccountSid) -> String {
    let mut parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if parts.len() >= 2 && parts[0] == "accounts" {
        let to = to.to_string();
        parts[1] = &to;
        return format!("/{}", parts.join("/"));
    }
    format!("/accounts/{to}")
}

/// The top bar's account switcher.
#[component]
pub fn AccountSwitcher(
    /// The signed-in user.
    user: UserSid,
) -> impl IntoView {
    let store = Store::get();
    let current = current_account();
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let recent = recent::load(&recent::accounts_of(&user));
    let input = NodeRef::<html::Input>::new();
    let location = use_location();
    let navigate = use_navigate();

    let user_for_list = user;
    let choices = Memo::new(move |_| {
        let wanted = Query::new(&query.get());
        let mut list: Vec<Choice> = store.with(|c| {
            c.accounts_of(&user_for_list)
                .into_iter()
                .map(|(a, roles)| Choice {
                    sid: a.sid,
                    name: a.friendly_name.clone(),
                    roles: roles.to_string(),
                    status: a.status,
                })
                .filter(|c| wanted.matches(&[&c.name, c.sid.as_str()]))
                .collect()
        });
        let order = recent.get();
        list.sort_by_key(|c| {
            (
                order.iter().position(|r| *r == c.sid).unwrap_or(usize::MAX),
                c.name.to_lowercase(),
            )
        });
        list
    });
    let current_name = move || {
        current
            .get()
            .and_then(|sid| store.with(|c| c.account(&sid).map(|a| a.friendly_name.clone())))
    };

    // Every way an account is opened counts as recent: a pick here, the accounts list, the
    // palette, a link or a deep link. (An effect: it writes to the browser's storage.)
    Effect::new(move |_| {
        let Some(sid) = current.get() else {
            return;
        };
        let member = store.with(|c| {
            c.may_open(&Actor::User(user), &sid, AccountPage::AccountInfo)
                .is_ok()
        });
        if member && recent.with_untracked(|r| r.first() != Some(&sid)) {
            recent::touch(&recent::accounts_of(&user), recent, sid);
        }
    });
    let pick = Callback::new(move |sid: AccountSid| {
        open.set(false);
        query.set(String::new());
        navigate(
            &same_page_of(&app_path(&location.pathname.get_untracked()), &sid),
            Default::default(),
        );
    });
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        } else if listbox::key(&ev, choices.with(Vec::len), active)
            && let Some(choice) = choices.with(|c| c.get(active.get_untracked()).cloned())
        {
            pick.run(choice.sid);
        }
    };
    Effect::new(move |_| {
        if open.get()
            && let Some(input) = input.get()
        {
            let _ = input.focus();
        }
    });

    view! {
        <div class="switcher">
            <button
                type="button"
                class="switcher-button"
                aria-haspopup="listbox"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="switcher-label">"Account"</span>
                <Cut class="switcher-current" text=Signal::derive(move || current_name().unwrap_or_else(|| "Choose an account".into())) />
            </button>
            <Show when=move || open.get()>
                <div class="switcher-panel" on:keydown=on_key>
                    <label class="visually-hidden" for="switcher-search">"Search accounts"</label>
                    <input
                        id="switcher-search"
                        class="input"
                        node_ref=input
                        type="search"
                        role="combobox"
                        aria-controls="switcher-list"
                        aria-expanded="true"
                        aria-activedescendant=move || format!("switcher-option-{}", active.get())
                        placeholder="Search by name or SID"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            active.set(0);
                        }
                    />
                    <ul id="switcher-list" role="listbox" aria-label="Accounts">
                        {
                            move || {
                                choices
                                    .get()
                                    .into_iter()
                                    .enumerate()
                                    .map(move |(i, choice)| {
                                        let sid = choice.sid;
                                        let selected = current.get().as_ref() == Some(&choice.sid);
                                        view! {
                                            <li
                                                id=format!("switcher-option-{i}")
                                                role="option"
                                                aria-selected=selected.to_string()
                                                class:active=move || active.get() == i
                                                on:click=move |_| pick.run(sid)
                                            >
                                                <span class="switcher-name">{choice.name}</span>
                                                <span class="switcher-meta">
                                                    {choice.roles} " · " {choice.status.to_string()}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }
                        }
                    </ul>
                    <Show when=move || choices.with(Vec::is_empty)>
                        <p class="muted switcher-empty">"No account matches."</p>
                    </Show>
                    <p class="switcher-all">
                        <a href=href("/accounts") on:click=move |_| open.set(false)>"View all accounts"</a>
                        <a href=href("/activity") on:click=move |_| open.set(false)>"Activity in all accounts"</a>
                    </p>
                </div>
            </Show>
        </div>
    }
}

/// What was used most recently, kept in this browser (localStorage): each user's accounts,
/// and the Console users signed in as.
pub mod recent {
    use leptos::prelude::*;
    use std::fmt::Display;
    use std::str::FromStr;

    use crate::domain::UserSid;

    const LIMIT: usize = 20;

    /// Where a user's recent accounts are kept.
    pub fn accounts_of(user: &UserSid) -> String {
        format!("flex-console.recent-accounts.{user}")
    }

    /// Where the recent Console users are kept.
    pub const USERS: &str = "flex-console.recent-users";

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The list kept under `key`, most recent first.
    pub fn load<T: FromStr + Send + Sync + 'static>(key: &str) -> RwSignal<Vec<T>> {
        let saved = storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .unwrap_or_default();
        RwSignal::new(saved.split(',').filter_map(|s| s.parse().ok()).collect())
    }

    /// Puts `item` first in the list under `key`; a failed write only loses the ordering.
    pub fn touch<T>(key: &str, list: RwSignal<Vec<T>>, item: T)
    where
        T: PartialEq + Display + Send + Sync + 'static,
    {
        list.update(|list| {
            list.retain(|s| *s != item);
            list.insert(0, item);
            list.truncate(LIMIT);
        });
        let text: Vec<String> =
            list.with_untracked(|l| l.iter().map(ToString::to_string).collect());
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, &text.join(","));
        }
    }
}
