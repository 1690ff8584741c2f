//! Sign in (`/`): pick a Console user of the scenario, or type an email and accept the
//! invitations waiting for it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::count::{count, thousands};
use crate::components::link::{href, return_path};
use crate::components::offer::{ActionButton, offer};
use crate::components::page_header::PageHeader;
use crate::components::toast::Toasts;
use crate::domain::search::Query;
use crate::domain::{AccountSid, Actor, Command, ConsoleUser, Email, InvitationId, UserSid};
use crate::store::Store;

/// How many users the picker lists at once; the search narrows a large scenario down.
const SHOWN: usize = 50;

/// A Console user as the picker shows them: who they are and where they hold which roles.
#[derive(Clone, PartialEq)]
struct UserCard {
    sid: UserSid,
    name: String,
    email: String,
    memberships: Vec<(String, String)>,
}

fn card(console: &crate::domain::Console, user: &ConsoleUser) -> UserCard {
    let memberships = console
        .accounts_of(&user.sid)
        .into_iter()
        .map(|(account, roles)| (account.friendly_name.clone(), roles.to_string()))
        .collect();
    UserCard {
        sid: user.sid,
        name: user.full_name.clone(),
        email: user.email.to_string(),
        memberships,
    }
}

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let search = RwSignal::new(String::new());
    // A signed-out tab sent here from a deep link goes back there once someone signs in.
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .and_then(|next| return_path(&next).map(str::to_owned));
    let asked_for = next.clone();
    let sign_in = Callback::new(move |user: UserSid| {
        let heading = document().query_selector("main h1").ok().flatten();
        store.sign_in(user);
        navigate(next.as_deref().unwrap_or("/accounts"), Default::default());
        // The pressed card is gone with this page: focus starts on the next page's heading.
        crate::components::focus::heading_of_next_page(heading);
    });

    let matches = Memo::new(move |_| {
        let query = Query::new(&search.get());
        store.with(|c| {
            let found = c
                .users()
                .filter(|u| query.matches(&[&u.full_name, u.email.as_str()]));
            let all: Vec<&ConsoleUser> = found.collect();
            let total = all.len();
            (
                all.into_iter()
                    .take(SHOWN)
                    .map(|u| card(c, u))
                    .collect::<Vec<_>>(),
                total,
            )
        })
    });
    let current = move || {
        store
            .signed_in()
            .and_then(|u| store.with(|c| c.user(&u).map(|u| u.full_name.clone())))
    };

    view! {
        <section class="page" aria-labelledby="sign-in-title">
            <PageHeader
                id="sign-in-title"
                title="Sign in to the Console"
                description="Pick a Console user of the demo to act as them, or sign in with an email to accept its invitations."
            />
            {asked_for.map(|_| view! {
                <p class="notice" data-testid="sign-in-returns">"Sign in to open the page you asked for."</p>
            })}
            {move || current().map(|name| view! {
                <p class="notice">
                    "Signed in as " <strong>{name}</strong> ". "
                    <a href=href("/accounts")>"Continue to your accounts"</a>
                    " or pick another user to switch."
                </p>
            })}
            <h2>"Pick a Console user"</h2>
            <label class="field-label" for="user-search">"Search users"</label>
            <input
                id="user-search"
                class="input"
                type="search"
                placeholder="Name or email"
                prop:value=move || search.get()
                on:input=move |ev| search.set(event_target_value(&ev))
            />
            <p class="muted" aria-live="polite">
                {move || {
                    let (shown, total) = matches.get();
                    if shown.len() < total {
                        format!(
                            "Showing {} of {}; search to narrow down.",
                            thousands(shown.len()),
                            count(total, "user", "users")
                        )
                    } else {
                        count(total, "user", "users")
                    }
                }}
            </p>
            <ul class="user-cards">
                {
                    move || {
                        matches
                            .get()
                            .0
                            .into_iter()
                            .map(|user| {
                                let sid = user.sid;
                                view! {
                                    <li>
                                        <button type="button" class="user-card" on:click=move |_| sign_in.run(sid)>
                                            <span class="user-card-name">{user.name}</span>
                                            <span class="user-card-email">{user.email}</span>
                                            <span class="user-card-roles">
                                                {if user.memberships.is_empty() {
                                                    "No accounts yet".to_string()
                                                } else {
                                                    user.memberships
                                                        .iter()
                                                        .map(|(a, r)| format!("{a}: {r}"))
                                                        .collect::<Vec<_>>()
                                                        .join(" · ")
                                                }}
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                }
            </ul>
            <EmailSignIn on_signed_in=sign_in />
        </section>
    }
}

/// Sign in by email: the user with that email, and the invitations waiting for it.
#[component]
fn EmailSignIn(
    /// Signs this Console user in.
    on_signed_in: Callback<UserSid>,
) -> impl IntoView {
    let store = Store::get();
    let toasts = Toasts::get();
    let typed = RwSignal::new(String::new());
    let submitted = RwSignal::new(None::<Result<Email, String>>);
    let full_name = RwSignal::new(String::new());

    let lookup = Memo::new(move |_| {
        let Some(Ok(email)) = submitted.get() else {
            return None;
        };
        let now = store.now_ticking();
        Some(store.with(|c| {
            let user = c
                .user_by_email(&email)
                .map(|u| (u.sid, u.full_name.clone()));
            let invitations: Vec<(AccountSid, InvitationId, String, String)> = c
                .pending_invitations_for(&email, now)
                .into_iter()
                .map(|(a, i)| (a.sid, i.id, a.friendly_name.clone(), i.roles.to_string()))
                .collect();
            (email.clone(), user, invitations)
        }))
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(Some(
            Email::parse(&typed.get_untracked()).map_err(|e| e.to_string()),
        ));
    };
    let error = move || match submitted.get() {
        Some(Err(message)) => Some(message),
        _ => None,
    };
    let accept =
        move |email: Email, account: AccountSid, invitation: InvitationId, needs_name: bool| {
            let name = full_name.get_untracked();
            let command = Command::AcceptInvitation {
                account,
                invitation,
                full_name: needs_name.then(|| name.trim().to_string()),
            };
            let result = store.apply_as(&Actor::Email(email.clone()), command);
            toasts.outcome(&result, "Invitation accepted.");
            if result.is_ok()
                && let Some(user) = store.with_untracked(|c| c.user_by_email(&email).map(|u| u.sid))
            {
                on_signed_in.run(user);
            }
        };

    view! {
        <h2>"Or sign in with an email"</h2>
        <form class="inline-form" on:submit=on_submit novalidate>
            <div>
                <label class="field-label" for="sign-in-email">"Email"</label>
                <input
                    id="sign-in-email"
                    class="input"
                    type="email"
                    autocomplete="email"
                    aria-invalid=move || error().is_some().to_string()
                    aria-describedby="sign-in-email-error"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <p id="sign-in-email-error" class="field-error" role="alert">{error}</p>
            </div>
            <button type="submit" class="button">"Continue"</button>
        </form>
        {move || lookup.get().map(|(email, user, invitations)| {
            let needs_name = user.is_none();
            view! {
                <div class="email-result" data-testid="email-result">
                    {match user.clone() {
                        Some((sid, name)) => view! {
                            <button type="button" class="button" on:click=move |_| on_signed_in.run(sid)>
                                "Sign in as " {name}
                            </button>
                        }.into_any(),
                        None => view! {
                            <p>"No Console user has this email yet. Accept an invitation below to create one."</p>
                        }.into_any(),
                    }}
                    <h3>"Pending invitations for " {email.to_string()}</h3>
                    {if invitations.is_empty() {
                        view! { <p class="muted">"No pending invitations."</p> }.into_any()
                    } else {
                        view! {
                            {needs_name.then(|| view! {
                                <label class="field-label" for="new-user-name">"Your name"</label>
                                <input
                                    id="new-user-name"
                                    class="input"
                                    prop:value=move || full_name.get()
                                    on:input=move |ev| full_name.set(event_target_value(&ev))
                                />
                            })}
                            <ul class="invitation-list">
                                {invitations.into_iter().map(|(account, id, name, roles)| {
                                    let email = email.clone();
                                    let label = format!("Accept the invitation to {name}");
                                    let asked = account;
                                    let refused = offer(Actor::Email(email.clone()), move || Command::AcceptInvitation {
                                        account: asked,
                                        invitation: id,
                                        full_name: needs_name.then(|| full_name.get()),
                                    });
                                    view! {
                                        <li>
                                            <span><strong>{name}</strong> " as " {roles}</span>
                                            <ActionButton refused class="button-small" label
                                                on_press=Callback::new(move |()| accept(email.clone(), account, id, needs_name))>
                                                "Accept"
                                            </ActionButton>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            }
        })}
    }
}
