//! The Invited users tab: every invitation with its status, and Resend and Revoke; the same
//! search and pager as the Active users tab, in the same URL.

use leptos::prelude::*;

use super::query::UsersView;
use crate::components::breaks::DateTime;
use crate::components::empty_state::EmptyState;
use crate::components::pagination::{Pagination, paging};
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::search::{SearchBox, matches, summary};
use crate::components::toast::Toasts;
use crate::domain::{Command, InvitationId, InvitationStatus};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// An invitation as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct InvitationItem {
    id: InvitationId,
    email: String,
    roles: String,
    invited_by: String,
    sent: String,
    expires: String,
    status: InvitationStatus,
}

/// The Invited users tab.
#[component]
pub fn InvitedUsers(
    /// The page's state in the URL (search and pages; the role filter and sort are Active
    /// users' own).
    view_state: UsersView,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let query = view_state.query;
    let account = scope.account;
    let invitations = Memo::new(move |_| {
        let now = store.now_ticking();
        store.with(|c| {
            let mut list: Vec<InvitationItem> = c
                .invitations(&account, now)
                .into_iter()
                .map(|(i, status)| InvitationItem {
                    id: i.id,
                    email: i.email.to_string(),
                    roles: i.roles.to_string(),
                    invited_by: c
                        .user(&i.invited_by)
                        .map_or_else(|| i.invited_by.to_string(), |u| u.full_name.clone()),
                    sent: i.sent.to_string(),
                    expires: i.expires.to_string(),
                    status,
                })
                .collect();
            // Newest first: the one just sent is at the top.
            list.reverse();
            list
        })
    });
    let matching = Memo::new(move |_| {
        let search = query.with(|q| q.search.clone());
        invitations.with(|list| {
            list.iter()
                .filter(|i| {
                    let status = i.status.label();
                    matches(&search, &[&i.email, &i.roles, &i.invited_by, status])
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| matching.with(Vec::len));
    let size = Signal::derive(move || query.with(|q| q.page_size));
    let (pages, page) = paging(total, Signal::derive(move || query.with(|q| q.page)), size);
    let shown = Memo::new(move |_| {
        let start = (page.get() - 1) * size.get();
        matching.with(|m| {
            m.iter()
                .skip(start)
                .take(size.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let count = move || {
        summary(
            total.get(),
            invitations.with(Vec::len),
            "invitation",
            "invitations",
        )
    };
    view! {
        <Show
            when=move || invitations.with(|l| !l.is_empty())
            fallback=|| view! {
                <EmptyState message="No invitations yet. A person invited with Invite user is listed here with the invitation's status until they accept it." />
            }
        >
            <SearchBox
                id="invitation-search"
                what="Invitations"
                placeholder="Email, role or status"
                value=Signal::derive(move || query.with(|q| q.search.clone()))
                on_input=Callback::new(move |text| view_state.update(|q| {
                    q.search = text;
                    q.page = 1;
                }))
            />
            <p class="table-summary" aria-live="polite" data-testid="invitation-count">{count}</p>
            <div class="table-wrap">
                <table class="table" aria-label="Invited users">
                    <thead>
                        <tr>
                            <th scope="col">"Email"</th>
                            <th scope="col">"Roles"</th>
                            <th scope="col" class="col-secondary">"Invited by"</th>
                            <th scope="col" class="col-secondary">"Sent"</th>
                            <th scope="col">"Expires"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|i| i.id let:invitation>
                            <InvitationRow invitation invitations />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <EmptyState message="No invitation matches this search.">
                    <button type="button" class="button" on:click=move |_| view_state.update(|q| {
                        q.search.clear();
                        q.page = 1;
                    })>
                        "Clear search"
                    </button>
                </EmptyState>
            </Show>
            <Pagination
                label="Pages of invitations"
                size_id="invitation-page-size"
                total
                page
                pages
                page_size=size
                on_size=move |size| view_state.update(|q| {
                    q.page_size = size;
                    q.page = 1;
                })
                on_page=move |to| view_state.update(|q| q.page = to)
            />
        </Show>
    }
}

#[component]
fn InvitationRow(
    invitation: InvitationItem,
    invitations: Memo<Vec<InvitationItem>>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let id = invitation.id;
    let email = invitation.email.clone();
    let can_resend = scope.offer(move |account| Command::ResendInvitation {
        account: *account,
        invitation: id,
    });
    let can_revoke = scope.offer(move |account| Command::RevokeInvitation {
        account: *account,
        invitation: id,
    });
    let account = scope.account;
    let resend = {
        let (account, email) = (account, email.clone());
        move |()| {
            let result = store.apply(Command::ResendInvitation {
                account,
                invitation: id,
            });
            toasts.outcome(
                &result,
                format!("Invitation to {email} sent again; it expires in 7 days."),
            );
        }
    };
    let revoke = {
        let email = email.clone();
        move |()| {
            let result = store.apply(Command::RevokeInvitation {
                account,
                invitation: id,
            });
            toasts.outcome(&result, format!("Invitation to {email} revoked."));
        }
    };
    // Keyed by the invitation; what a resend or a revocation changes is read here.
    let item = Memo::new({
        let first = invitation.clone();
        move |_| {
            invitations
                .with(|list| list.iter().find(|i| i.id == id).cloned())
                .unwrap_or_else(|| first.clone())
        }
    });
    let status = move || item.with(|i| i.status.label());
    // Accepted and revoked invitations are refused by the domain, which says so.
    let actions = vec![
        MenuAction::new("Resend", can_resend, Callback::new(resend)),
        MenuAction::new("Revoke", can_revoke, Callback::new(revoke)).danger(),
    ];
    view! {
        <tr>
            <th scope="row">{invitation.email.clone()}</th>
            <td data-label="Roles">{invitation.roles.clone()}</td>
            <td data-label="Invited by" class="col-secondary wrap-anywhere">{invitation.invited_by.clone()}</td>
            <td data-label="Sent" class="col-secondary"><DateTime text=Signal::derive(move || item.with(|i| i.sent.clone())) /></td>
            <td data-label="Expires"><DateTime text=Signal::derive(move || item.with(|i| i.expires.clone())) /></td>
            <td data-label="Status"><span class=move || format!("badge status-{}", status().to_lowercase())>{status}</span></td>
            <td class="row-actions"><RowMenu label=format!("Actions for the invitation to {email}") actions /></td>
        </tr>
    }
}
