//! What the palette can find for the signed-in user: the pages they may open, their accounts,
//! and every resource of those accounts on a page they may open, each folded once for
//! searching. Built again only when the state changes, never per keystroke.

use crate::components::offer::refusal;
use crate::domain::resources::{Resource, ResourceKind};
use crate::domain::search::{Query, fold, searchable};
use crate::domain::{AccountPage, AccountSid, Actor, Command, Console, Timestamp, UserSid};

/// How results are grouped, in the order the groups are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Something to do here.
    Action,
    /// A page.
    Page,
    /// An account.
    Account,
    /// A Console user (member).
    Member,
    /// A Flex user (worker).
    Worker,
    /// A phone number.
    PhoneNumber,
    /// Any other resource.
    Resource,
}

impl Group {
    /// The group's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Action => "Actions",
            Group::Page => "Pages",
            Group::Account => "Accounts",
            Group::Member => "Console users",
            Group::Worker => "Flex users",
            Group::PhoneNumber => "Phone numbers",
            Group::Resource => "Resources",
        }
    }

    fn of(kind: ResourceKind) -> Group {
        match kind {
            ResourceKind::Account => Group::Account,
            ResourceKind::Member => Group::Member,
            ResourceKind::Worker => Group::Worker,
            ResourceKind::PhoneNumber => Group::PhoneNumber,
            _ => Group::Resource,
        }
    }
}

/// Where choosing an entry goes: an app path (with the query that puts the item in view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The app path, e.g. `/accounts/AC…/flex/users?q=WK…`.
    pub path: String,
    /// The account it opens, counted as recently used.
    pub account: Option<AccountSid>,
}

/// One thing the palette can find.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its group.
    pub group: Group,
    /// What it is called.
    pub label: String,
    /// What else is shown ("worker · Globex Contact Center").
    pub detail: String,
    /// Its SID, if it has one.
    pub sid: Option<String>,
    /// Label, detail and SID, folded for searching.
    pub folded: String,
    /// The label alone, folded, for ranking.
    pub folded_label: String,
    /// Where it goes.
    pub target: Target,
}

fn entry(group: Group, label: &str, detail: &str, sid: Option<&str>, target: Target) -> Entry {
    let folded = searchable(&[label, detail, sid.unwrap_or("")]);
    Entry {
        folded_label: fold(label),
        group,
        label: label.to_owned(),
        detail: detail.to_owned(),
        sid: sid.map(str::to_owned),
        folded,
        target,
    }
}

fn to(path: String, account: Option<AccountSid>) -> Target {
    Target { path, account }
}

/// The Console's own pages, for everyone.
const CONSOLE_PAGES: [(&str, &str); 5] = [
    ("All accounts", "/accounts"),
    ("All activity", "/activity"),
    ("Switch user", "/"),
    ("Flex SSO login", "/sso"),
    ("Data (the presenter's page)", "/data"),
];

/// Everything `user` may find, with `current` the account open now (its pages and actions
/// first).
pub fn entries(
    c: &Console,
    user: UserSid,
    current: Option<AccountSid>,
    now: Timestamp,
) -> Vec<Entry> {
    let actor = Actor::User(user);
    let mut out = actions(c, &actor, current, now);
    if let Some(account) = current {
        let name = c
            .account(&account)
            .map(|a| a.friendly_name.clone())
            .unwrap_or_default();
        for page in AccountPage::ALL {
            if c.may_open(&actor, &account, page).is_ok() {
                let path = format!("/accounts/{account}{}", page.path());
                out.push(entry(
                    Group::Page,
                    page.title(),
                    &name,
                    None,
                    to(path, Some(account)),
                ));
            }
        }
    }
    for (label, path) in CONSOLE_PAGES {
        out.push(entry(
            Group::Page,
            label,
            "Console",
            None,
            to(path.into(), None),
        ));
    }
    for (account, roles) in c.accounts_of(&user) {
        let sid = account.sid;
        let detail = format!("account · {roles}");
        let path = format!("/accounts/{sid}");
        out.push(entry(
            Group::Account,
            &account.friendly_name,
            &detail,
            Some(sid.as_str()),
            to(path, Some(sid)),
        ));
        for resource in c.resources(&sid) {
            let page = resource.kind.page();
            if resource.kind == ResourceKind::Account || c.may_open(&actor, &sid, page).is_err() {
                continue;
            }
            out.push(resource_entry(&resource, &sid, &account.friendly_name));
        }
    }
    out
}

/// A resource of `account` as an entry: its own page, or its list filtered to it.
fn resource_entry(r: &Resource, account: &AccountSid, account_name: &str) -> Entry {
    let path = format!("/accounts/{account}{}", r.path());
    let mut detail = r.kind.label().to_owned();
    if !r.detail.is_empty() {
        detail = format!("{detail} · {}", r.detail);
    }
    let detail = format!("{detail} · {account_name}");
    entry(
        Group::of(r.kind),
        &r.name,
        &detail,
        Some(&r.sid),
        to(path, Some(*account)),
    )
}

/// The actions offered in the account open now: only those the domain would allow.
fn actions(c: &Console, actor: &Actor, current: Option<AccountSid>, now: Timestamp) -> Vec<Entry> {
    let Some(account) = current else {
        return Vec::new();
    };
    let name = c
        .account(&account)
        .map_or_else(|| account.to_string(), |a| a.friendly_name.clone());
    // Each says what it does, and where.
    let offered = [
        (
            "Invite user",
            Command::invite_anyone(account),
            "/users?do=invite",
            format!("Send an invitation to join {name}"),
        ),
        (
            "Buy a number",
            c.buy_any_number(account),
            "/phone-numbers?do=buy",
            format!("Buy a phone number for {name}"),
        ),
        (
            "Log in with Console",
            Command::LaunchFlex { account },
            "/flex?do=launch",
            format!("Open the Flex UI of {name} as yourself"),
        ),
    ];
    offered
        .into_iter()
        .filter(|(_, command, _, _)| refusal(c.check(actor, command, now)).is_none())
        .map(|(label, _, path, detail)| {
            let path = format!("/accounts/{account}{path}");
            entry(Group::Action, label, &detail, None, to(path, Some(account)))
        })
        .collect()
}

/// How well an entry answers `query` (lower is better), or `None` when it does not match:
/// its SID exactly, then a label that starts with what was typed, then a word of the label
/// that does, then anything that contains every word. `typed` is the text typed, folded.
pub fn rank(entry: &Entry, query: &Query, typed: &str) -> Option<u8> {
    if !query.matches_folded(&entry.folded) {
        return None;
    }
    if typed.is_empty() {
        return Some(3);
    }
    let label = &entry.folded_label;
    Some(
        if entry
            .sid
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(typed))
        {
            0
        } else if label.starts_with(typed) {
            1
        } else if label.split_whitespace().any(|w| w.starts_with(typed)) {
            2
        } else {
            3
        },
    )
}

/// The best entries for `typed`: at most `per_group` of each group, the groups in the order
/// of their best match, the best first within each (then by label).
pub fn results<'a>(entries: &'a [Entry], typed: &str, per_group: usize) -> Vec<&'a Entry> {
    let query = Query::new(typed);
    let typed = fold(typed.trim());
    let mut ranked: Vec<(Group, u8, &Entry)> = entries
        .iter()
        .filter_map(|e| rank(e, &query, &typed).map(|r| (e.group, r, e)))
        .collect();
    // Groups come in the order of their best match (ties in their own order), so the first
    // result is the best one whatever its kind.
    let mut best = std::collections::BTreeMap::new();
    for (group, r, _) in &ranked {
        let b = best.entry(*group).or_insert(u8::MAX);
        *b = (*b).min(*r);
    }
    ranked.sort_by(|a, b| {
        (best[&a.0], a.0, a.1, &a.2.folded_label).cmp(&(best[&b.0], b.0, b.1, &b.2.folded_label))
    });
    let mut out = Vec::new();
    let mut counts = std::collections::BTreeMap::new();
    for (group, _, e) in ranked {
        let n = counts.entry(group).or_insert(0usize);
        if *n < per_group {
            *n += 1;
            out.push(e);
        }
    }
    out
}
