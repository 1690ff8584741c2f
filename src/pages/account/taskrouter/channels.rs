//! Task channels (`/accounts/:account_sid/taskrouter/channels`): the kinds of work, the five
//! Flex creates (marked built in; the domain refuses to delete them) and custom ones, created
//! with TaskRouter's rule for unique names and deleted.

use leptos::prelude::*;

use super::list::{ListPager, ListSearch, ListView, Paged, searched};
use super::{TrPage, from_workspace, tr_path, trail_to};
use crate::components::command_dialog::CommandDialog;
use crate::components::confirm::ConfirmCommand;
use crate::components::copyable_sid::InlineSid;
use crate::components::offer::ActionButton;
use crate::domain::search::searchable;
use crate::domain::{AccountPage, AccountSid, Command, TaskChannelSid, TaskRouterCommand};
use crate::pages::account::{AccountScope, Requires};

/// One row of the channels table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ChannelRow {
    sid: TaskChannelSid,
    unique_name: String,
    friendly_name: String,
    built_in: bool,
    text: String,
}

fn command(account: AccountSid, change: TaskRouterCommand) -> Command {
    Command::TaskRouter { account, change }
}

/// The task channels page.
#[component]
pub fn TaskChannels() -> impl IntoView {
    let creating = RwSignal::new(false);
    let deleting = RwSignal::new(None::<ChannelRow>);
    let confirm = RwSignal::new(false);
    let scope = AccountScope::get();
    let can_create = scope.offer(|account| {
        command(
            *account,
            TaskRouterCommand::CreateTaskChannel {
                unique_name: String::new(),
                friendly_name: String::new(),
            },
        )
    });
    view! {
        <Requires page=AccountPage::TaskChannels>
            <TrPage id="channels-title" title="Task channels"
                lead="The kinds of work a task can be. A worker has a capacity on each channel."
                trail=trail_to(AccountPage::TaskRouter)
                actions=move || view! {
                    <ActionButton refused=can_create class="button-primary" on_press=Callback::new(move |()| creating.set(true))>
                        "Create task channel"
                    </ActionButton>
                }>
                <ChannelList on_delete=Callback::new(move |row| {
                    deleting.set(Some(row));
                    confirm.set(true);
                }) />
            </TrPage>
            {move || creating.get().then(|| view! { <CreateChannel on_close=Callback::new(move |()| creating.set(false)) /> })}
            {move || deleting.get().map(|row| view! { <DeleteChannel row open=confirm /> })}
        </Requires>
    }
}

#[component]
fn ChannelList(on_delete: Callback<ChannelRow>) -> impl IntoView {
    let rows = from_workspace(|_, ws| {
        ws.task_channels
            .iter()
            .map(|c| ChannelRow {
                sid: c.sid,
                unique_name: c.unique_name.clone(),
                friendly_name: c.name().to_owned(),
                built_in: c.built_in(),
                text: searchable(&[&c.unique_name, &c.friendly_name, c.sid.as_str()]),
            })
            .collect::<Vec<_>>()
    });
    let view = ListView::new(tr_path("/channels"));
    let matching = Memo::new(move |_| {
        let query = searched(view);
        rows.with(|r| {
            r.iter()
                .flatten()
                .filter(|row| query.matches_folded(&row.text))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let paged = Paged::new(view, move || matching.with(Vec::len));
    let shown = Memo::new(move |_| {
        let (skip, take) = paged.window();
        matching.with(|m| m.iter().skip(skip).take(take).cloned().collect::<Vec<_>>())
    });
    let all = move || rows.with(|r| r.as_ref().map_or(0, Vec::len));
    let scope = AccountScope::get();
    view! {
        <ListSearch paged id="channel-search" what="Task channels" placeholder="Name or SID" />
        <p class="table-summary" aria-live="polite">{move || paged.summary("task channel", "task channels", all())}</p>
        <div class="table-wrap">
            <table class="table tr-table" data-testid="channels-table">
                <caption class="visually-hidden">"Task channels of the workspace"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Unique Name"</th>
                        <th scope="col">"Friendly Name"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"SID"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|r| r.clone() let:row>
                        {
                            let sid = row.sid;
                            let refused = scope.offer(move |a| command(*a, TaskRouterCommand::DeleteTaskChannel { channel: sid }));
                            let pressed = row.clone();
                            view! {
                                <tr data-testid="channel-row">
                                    <th scope="row"><code>{row.unique_name.clone()}</code></th>
                                    <td data-label="Friendly Name">{row.friendly_name.clone()}</td>
                                    <td data-label="Kind">
                                        {if row.built_in {
                                            view! { <span class="badge" data-testid="built-in">"Built in"</span> }.into_any()
                                        } else {
                                            view! { <span>"Custom"</span> }.into_any()
                                        }}
                                    </td>
                                    <td data-label="SID"><InlineSid label="Task channel SID" value=row.sid.to_string() /></td>
                                    <td class="row-actions">
                                        <ActionButton refused class="button-small button-danger"
                                            label=format!("Delete {}", row.unique_name)
                                            on_press=Callback::new(move |()| on_delete.run(pressed.clone()))>
                                            "Delete"
                                        </ActionButton>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <ListPager paged label="Pages of task channels" size_id="channel-page-size" />
    }
}

/// Creating a custom channel: its unique name (letters, digits, `_` and `$`, not starting
/// with a digit, as TaskRouter's rule says) and the name shown.
#[component]
fn CreateChannel(on_close: Callback<()>) -> impl IntoView {
    let scope = AccountScope::get();
    let unique = RwSignal::new(String::new());
    let friendly = RwSignal::new(String::new());
    let create = move || {
        command(
            scope.account,
            TaskRouterCommand::CreateTaskChannel {
                unique_name: unique.get(),
                friendly_name: friendly.get(),
            },
        )
    };
    let done = move |_: &_| {
        format!(
            "The task channel {} was created.",
            unique.get_untracked().trim()
        )
    };
    view! {
        <CommandDialog title="Create task channel" testid="create-channel" submit="Create task channel" command=create done on_close>
            <div class="form-field">
                <label class="field-label" for="channel-unique">"Unique Name"</label>
                <input class="input" id="channel-unique" type="text" autocomplete="off" maxlength="64" spellcheck="false"
                    aria-describedby="channel-unique-hint"
                    prop:value=move || unique.get() on:input=move |ev| unique.set(event_target_value(&ev)) />
                <p class="hint" id="channel-unique-hint">"Letters, digits, _ and $, not starting with a digit, e.g. video. Tasks name their channel by it."</p>
            </div>
            <div class="form-field">
                <label class="field-label" for="channel-friendly">"Friendly Name"</label>
                <input class="input" id="channel-friendly" type="text" autocomplete="off" maxlength="64"
                    prop:value=move || friendly.get() on:input=move |ev| friendly.set(event_target_value(&ev)) />
            </div>
        </CommandDialog>
    }
}

/// The confirmation before deleting a custom channel.
#[component]
fn DeleteChannel(row: ChannelRow, open: RwSignal<bool>) -> impl IntoView {
    let scope = AccountScope::get();
    let sid = row.sid;
    let delete = move || {
        command(
            scope.account,
            TaskRouterCommand::DeleteTaskChannel { channel: sid },
        )
    };
    let done = format!("The task channel {} was deleted.", row.unique_name);
    view! {
        <ConfirmCommand open title="Delete this task channel?" confirm="Delete task channel" command=delete done=move || done.clone()>
            <p>{format!("{} will be deleted, and every worker's capacity on it with it.", row.unique_name)}</p>
        </ConfirmCommand>
    }
}
