//! The Invited users tab: every invitation with its status, and Resend and Revoke.

use leptos::prelude::*;

use crate::components::breaks::DateTime;
use crate::components::empty_state::EmptyState;
use crate::components::row_menu::{MenuAction, RowMenu};
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
pub fn InvitedUsers() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
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
    view! {
        <Show
            when=move || invitations.with(|l| !l.is_empty())
            fallback=|| view! {
                <EmptyState message="No invitations yet. A person invited with Invite user is listed here with the invitation's status until they accept it." />
            }
        >
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
                        <For each=move || invitations.get() key=|i| i.id let:invitation>
                            <InvitationRow invitation invitations />
                        </For>
                    </tbody>
                </table>
            </div>
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
    let status = move || item.with(|i| i.status.to_string());
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
            <td data-label="Status"><span class=move || format!("badge status-{}", status())>{status}</span></td>
            <td class="row-actions"><RowMenu label=format!("Actions for the invitation to {email}") actions /></td>
        </tr>
    }
}
