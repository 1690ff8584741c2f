//! The Active users tab: the account's members with search, role filter, sort and pages.
//! Only the open page is rendered, so the table stays fast with thousands of members.

use leptos::prelude::*;

use super::change_roles_dialog::ChangeRolesDialog;
use super::query::{SortKey, UsersView, role_from_key, role_key};
use super::remove_dialog::RemoveDialog;
use crate::components::breaks::Email;
use crate::components::copyable_sid::InlineSid;
use crate::components::empty_state::EmptyState;
use crate::components::pagination::{Pagination, paging};
use crate::components::row_menu::{MenuAction, RowMenu};
use crate::components::search::{SearchBox, summary};
use crate::components::sort_header::SortHeader;
use crate::domain::{Command, ConsoleRole, RoleSet, UserSid};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// A member as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberItem {
    /// The Console user.
    pub sid: UserSid,
    /// Their name, as typed (shown as text).
    pub name: String,
    /// Their email.
    pub email: String,
    /// Their roles here.
    pub roles: RoleSet,
}

/// A dialog a member's row opens.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MemberAction {
    ChangeRoles,
    Remove,
}

fn sort_members(members: &mut [MemberItem], key: SortKey, descending: bool) {
    // Role sets sort by their roles in the Console's order, then by name for a stable page.
    let role_rank = |m: &MemberItem| {
        let mut rank: Vec<usize> = m.roles.roles().iter().map(|r| *r as usize).collect();
        rank.push(usize::MAX);
        rank
    };
    members.sort_by(|a, b| {
        let by_name = a.name.to_lowercase().cmp(&b.name.to_lowercase());
        let order = match key {
            SortKey::Name => by_name.then_with(|| a.email.cmp(&b.email)),
            SortKey::Email => a.email.cmp(&b.email),
            SortKey::Roles => role_rank(a).cmp(&role_rank(b)).then(by_name),
        };
        if descending { order.reverse() } else { order }
    });
}

/// The Active users tab.
#[component]
pub fn ActiveUsers(
    /// The page's state in the URL.
    view_state: UsersView,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let query = view_state.query;
    let account = scope.account;
    let matching = Memo::new(move |_| {
        let (search, role, sort, descending) =
            query.with(|q| (q.search.clone(), q.role, q.sort, q.descending));
        let mut members: Vec<MemberItem> = store.with(|c| {
            c.members(&account, &search, role)
                .into_iter()
                .map(|row| MemberItem {
                    sid: row.user.sid,
                    name: row.user.full_name.clone(),
                    email: row.user.email.to_string(),
                    roles: row.roles,
                })
                .collect()
        });
        sort_members(&mut members, sort, descending);
        members
    });
    let total = Memo::new(move |_| matching.with(Vec::len));
    let (pages, page) = paging(
        total,
        Signal::derive(move || query.with(|q| q.page)),
        Signal::derive(move || query.with(|q| q.page_size)),
    );
    let shown = Memo::new(move |_| {
        let size = query.with(|q| q.page_size);
        let start = (page.get() - 1) * size;
        matching.with(|m| m.iter().skip(start).take(size).cloned().collect::<Vec<_>>())
    });
    let members =
        Memo::new(move |_| store.with(|c| c.account(&account).map_or(0, |a| a.members.len())));
    let count = move || summary(total.get(), members.get(), "member", "members");

    // The member a dialog is open for, and which dialog.
    let target = RwSignal::new(None::<(MemberAction, MemberItem)>);
    let close = Callback::new(move |()| target.set(None));

    view! {
        <SearchBox
            id="member-search"
            what="Members"
            placeholder="Name, email or SID"
            value=Signal::derive(move || query.with(|q| q.search.clone()))
            on_input=Callback::new(move |text| view_state.update(|q| {
                q.search = text;
                q.page = 1;
            }))
        >
            <div class="form-field">
                <label class="field-label" for="member-role">"Role"</label>
                <select
                    class="input"
                    id="member-role"
                    prop:value=move || query.with(|q| q.role.map(role_key).unwrap_or_default())
                    on:change=move |ev| {
                        let role = role_from_key(&event_target_value(&ev));
                        view_state.update(|q| {
                            q.role = role;
                            q.page = 1;
                        });
                    }
                >
                    <option value="">"All roles"</option>
                    {ConsoleRole::ALL
                        .into_iter()
                        .map(|r| view! { <option value=role_key(r)>{r.label()}</option> })
                        .collect_view()}
                </select>
            </div>
        </SearchBox>
        <p class="table-summary" aria-live="polite" data-testid="member-count">{count}</p>
        <div class="table-wrap">
            <table class="table" aria-label="Active users">
                <thead>
                    <tr>
                        <SortBy label="Name" key=SortKey::Name view_state />
                        <SortBy label="Email" key=SortKey::Email view_state />
                        <SortBy label="Roles" key=SortKey::Roles view_state />
                        <th scope="col" class="col-secondary">"User SID"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|m| m.sid let:member>
                        <MemberRowView member shown target />
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || total.get() == 0>
            <EmptyState message="No member matches this search and this role.">
                <button type="button" class="button" on:click=move |_| view_state.update(|q| {
                    q.search.clear();
                    q.role = None;
                    q.page = 1;
                })>
                    "Clear search and filters"
                </button>
            </EmptyState>
        </Show>
        <Pagination
            label="Pages of members"
            size_id="member-page-size"
            total
            page
            pages
            page_size=Signal::derive(move || view_state.query.with(|q| q.page_size))
            on_size=move |size| view_state.update(|q| {
                q.page_size = size;
                q.page = 1;
            })
            on_page=move |to| view_state.update(|q| q.page = to)
        />
        // Mounted for each opening, so its state starts from its member.
        {move || target.get().map(|(action, member)| match action {
            MemberAction::ChangeRoles => view! { <ChangeRolesDialog member on_close=close /> }.into_any(),
            MemberAction::Remove => view! { <RemoveDialog member on_close=close /> }.into_any(),
        })}
    }
}

/// The header of a column Active users sorts by, kept in the URL.
#[component]
fn SortBy(label: &'static str, key: SortKey, view_state: UsersView) -> impl IntoView {
    let query = view_state.query;
    let sorted = Signal::derive(move || query.with(|q| (q.sort == key).then_some(q.descending)));
    let on_sort = Callback::new(move |()| {
        view_state.update(|q| {
            q.descending = q.sort == key && !q.descending;
            q.sort = key;
            q.page = 1;
        })
    });
    view! { <SortHeader label sorted on_sort /> }
}

/// One member with the actions on them, each refused up front with the domain's reason. The
/// row is keyed by the member's SID and reads what changes (name, roles) from `shown`, so a
/// role change updates its cells instead of rebuilding the row.
#[component]
fn MemberRowView(
    member: MemberItem,
    shown: Memo<Vec<MemberItem>>,
    target: RwSignal<Option<(MemberAction, MemberItem)>>,
) -> impl IntoView {
    let scope = AccountScope::get();
    let sid = member.sid;
    let item = Memo::new(move |_| {
        shown
            .with(|list| list.iter().find(|m| m.sid == sid).cloned())
            .unwrap_or_else(|| member.clone())
    });
    let open_dialog = move |action: MemberAction| {
        Callback::new(move |()| target.set(Some((action, item.get_untracked()))))
    };
    let actions = vec![
        // Asked with the member's own roles: whether their roles may be changed at all.
        MenuAction::new(
            "Change roles",
            scope.offer(move |account| Command::ChangeRoles {
                account: *account,
                user: sid,
                roles: item.with(|m| m.roles),
                revision: None,
            }),
            open_dialog(MemberAction::ChangeRoles),
        ),
        MenuAction::new(
            "Remove",
            scope.offer(move |account| Command::RemoveMember {
                account: *account,
                user: sid,
            }),
            open_dialog(MemberAction::Remove),
        )
        .danger(),
    ];
    let menu_label =
        Signal::derive(move || format!("Actions for {}", item.with(|m| m.name.clone())));
    view! {
        <tr>
            <th scope="row" class="member-name">{move || item.with(|m| m.name.clone())}</th>
            <td data-label="Email"><Email text=Signal::derive(move || item.with(|m| m.email.clone())) /></td>
            <td data-label="Roles">{move || item.with(|m| m.roles.to_string())}</td>
            <td data-label="User SID" class="col-secondary"><InlineSid label="User SID" value=sid.to_string() /></td>
            <td class="row-actions"><RowMenu label=menu_label actions /></td>
        </tr>
    }
}
