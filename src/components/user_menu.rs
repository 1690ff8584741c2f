//! The signed-in user's menu: who is signed in, the other Console users to switch to in one
//! step (recent first, with a search), and "Sign out".

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use super::account_switcher::{current_account, recent};
use super::link::app_path;
use crate::domain::search::Query;
use crate::domain::{AccountPage, Actor, UserSid};
use crate::store::Store;

/// How many other users the menu lists at once; the search narrows a large scenario down.
const LISTED: usize = 8;

/// The user menu in the top bar.
#[component]
pub fn UserMenu(
    /// The signed-in user.
    user: UserSid,
) -> impl IntoView {
    let store = Store::get();
    let open = RwSignal::new(false);
    let navigate = use_navigate();
    let location = use_location();
    let account = current_account();
    let search = RwSignal::new(String::new());
    let recent_users = recent::load::<UserSid>(recent::USERS);
    let name = Memo::new(move |_| {
        store
            .with(|c| {
                c.user(&user)
                    .map(|u| (u.full_name.clone(), u.email.to_string()))
            })
            .unwrap_or_default()
    });
    let others = Memo::new(move |_| {
        let query = Query::new(&search.get());
        let order = recent_users.get();
        let mut list: Vec<(UserSid, String, String)> = store.with(|c| {
            c.users()
                .filter(|u| u.sid != user && query.matches(&[&u.full_name, u.email.as_str()]))
                .map(|u| (u.sid, u.full_name.clone(), u.email.to_string()))
                .collect()
        });
        list.sort_by_key(|(sid, name, _)| {
            (
                order.iter().position(|r| r == sid).unwrap_or(usize::MAX),
                name.to_lowercase(),
            )
        });
        list.truncate(LISTED);
        list
    });
    // Switching re-checks the page: one the new user may not open gives way to one they may.
    let switch_to = {
        let navigate = navigate.clone();
        Callback::new(move |to: UserSid| {
            recent::touch(recent::USERS, recent_users, user);
            recent::touch(recent::USERS, recent_users, to);
            store.sign_in(to);
            open.set(false);
            search.set(String::new());
            let Some(sid) = account.get_untracked() else {
                return;
            };
            let here = app_path(&location.pathname.get_untracked());
            // The page open now: the longest page path the address is, or is under (a
            // queue's own page is under Task queues).
            let rest = here
                .strip_prefix(&format!("/accounts/{sid}"))
                .unwrap_or_default()
                .to_owned();
            let page = AccountPage::ALL
                .into_iter()
                .filter(|p| {
                    let path = p.path();
                    rest == path || (!path.is_empty() && rest.starts_with(&format!("{path}/")))
                })
                .max_by_key(|p| p.path().len())
                .unwrap_or(AccountPage::AccountInfo);
            let actor = Actor::User(to);
            let (member, allowed) = store.with_untracked(|c| {
                (
                    c.may_open(&actor, &sid, AccountPage::AccountInfo).is_ok(),
                    c.may_open(&actor, &sid, page).is_ok(),
                )
            });
            if !member {
                navigate("/accounts", Default::default());
            } else if !allowed {
                navigate(&format!("/accounts/{sid}"), Default::default());
            }
        })
    };
    let sign_out = move |_| {
        open.set(false);
        store.sign_out();
        navigate("/", Default::default());
    };
    view! {
        <div class="user-menu" on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <button
                type="button"
                class="user-button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">"Signed in as "</span>
                <span data-testid="signed-in-user">{move || name.get().0}</span>
                <span class="user-initials" aria-hidden="true">{move || initials(&name.get().0)}</span>
            </button>
            <Show when=move || open.get()>
                <div class="user-panel">
                    <p class="user-email">{move || name.get().1}</p>
                    <label class="field-label" for="switch-user-search">"Switch to"</label>
                    <input id="switch-user-search" class="input" type="search" placeholder="Name or email"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev)) />
                    <ul class="user-switch" aria-label="Console users">
                        {move || others.get().into_iter().map(|(sid, name, email)| view! {
                            <li>
                                <button type="button" class="menu-item" on:click=move |_| switch_to.run(sid)>
                                    <span>{name}</span>
                                    <span class="muted">{email}</span>
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="menu-item" on:click=sign_out.clone()>"Sign out"</button>
                </div>
            </Show>
        </div>
    }
}

/// The first letters of the first and last words of a name ("Maria Garcia": "MG"), shown
/// for the user on a phone.
fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.next_back().and_then(|w| w.chars().next());
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}
