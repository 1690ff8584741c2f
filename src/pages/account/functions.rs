//! Functions and Assets (`/accounts/:account_sid/functions`): the Functions (Serverless)
//! service Flex uses, its domain, and the Functions and Assets it serves with their URLs.

use leptos::prelude::*;

use crate::components::link::linked_search;

use super::NoFlexYet;
use super::taskrouter::no_match;
use super::{AccountScope, Requires};
use crate::components::copyable_sid::{CopyableSid, InlineSid};
use crate::components::details::{Detail, Details};
use crate::components::page_header::PageHeader;
use crate::components::search::{SearchBox, matches};
use crate::domain::{AccountPage, ServerlessKind};
use crate::store::Store;

/// A Function or an Asset as a row shows it.
#[derive(Clone, Debug, PartialEq)]
struct FileItem {
    sid: String,
    path: String,
    url: String,
    visibility: String,
}

/// What the page shows of the service.
#[derive(Clone, Debug, PartialEq)]
struct ServiceView {
    name: String,
    sid: String,
    domain: String,
    functions: Vec<FileItem>,
    assets: Vec<FileItem>,
}

/// The Functions and Assets page.
#[component]
pub fn Functions() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Functions>
            <FunctionsPage />
        </Requires>
    }
}

#[component]
fn FunctionsPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let account = scope.account;
    let model = Memo::new(move |_| {
        store.with(|c| {
            let a = c.account(&account)?;
            let service = a.flex.as_ref().map(|f| {
                let domain = f.config.runtime_domain.clone();
                let s = &f.functions_service;
                let files = |kind: ServerlessKind| {
                    s.files
                        .iter()
                        .filter(|file| file.kind == kind)
                        .map(|file| FileItem {
                            sid: file.sid.to_string(),
                            path: file.path.clone(),
                            url: format!("https://{domain}{}", file.path),
                            visibility: file.visibility.to_string(),
                        })
                        .collect::<Vec<_>>()
                };
                ServiceView {
                    name: s.friendly_name.clone(),
                    sid: s.sid.to_string(),
                    functions: files(ServerlessKind::Function),
                    assets: files(ServerlessKind::Asset),
                    domain,
                }
            });
            Some((a.friendly_name.clone(), service))
        })
    });
    move || {
        model.get().map(|(name, service)| {
            view! {
                <section class="page page-wide product-page" aria-labelledby="functions-title">
                    <PageHeader
                        id="functions-title"
                        title="Functions and Assets"
                        account=name
                        description="The Functions service Flex uses: code run on request (Functions) and files served as they are (Assets)."
                    />
                    {match service {
                        None => view! { <NoFlexYet what="Its Functions service, Functions and Assets" provisioned=true /> }.into_any(),
                        Some(s) => view! { <ServiceDetails s /> }.into_any(),
                    }}
                </section>
            }
        })
    }
}

/// The service's facts, then its Functions and its Assets, filtered by one search.
#[component]
fn ServiceDetails(s: ServiceView) -> impl IntoView {
    let query = RwSignal::new(linked_search());
    let ServiceView {
        name,
        sid,
        domain,
        functions,
        assets,
    } = s;
    view! {
        <Details testid="functions-service">
            <Detail label="Service">{name}</Detail>
            <CopyableSid label="Service SID" value=sid />
            <Detail label="Domain"><code data-testid="runtime-domain">{domain}</code></Detail>
        </Details>
        <p class="hint">"Visibility: Public, anyone with the URL; Protected, only requests signed by Twilio; Private, only other Functions of the service."</p>
        <SearchBox id="functions-search" what="Functions and Assets" placeholder="Path, URL, visibility or SID" value=query on_input=Callback::new(move |text| query.set(text)) />
        <FilesTable title="Functions" sid_label="Function SID" files=functions query />
        <FilesTable title="Assets" sid_label="Asset SID" files=assets query />
    }
}

/// One table of Functions or of Assets.
#[component]
fn FilesTable(
    title: &'static str,
    sid_label: &'static str,
    files: Vec<FileItem>,
    query: RwSignal<String>,
) -> impl IntoView {
    let rows = move || {
        let q = query.get();
        let rows: Vec<&FileItem> = files
            .iter()
            .filter(|f| {
                matches(
                    &q,
                    &[
                        f.path.as_str(),
                        f.url.as_str(),
                        f.visibility.as_str(),
                        f.sid.as_str(),
                    ],
                )
            })
            .collect();
        if rows.is_empty() {
            return no_match(4, &title.to_lowercase(), &q).into_any();
        }
        rows.into_iter()
            .cloned()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row"><code>{f.path}</code></th>
                        <td class="url-cell" data-label="URL"><code>{f.url}</code></td>
                        <td data-label="Visibility">{f.visibility}</td>
                        <td class="sid-cell" data-label="SID"><InlineSid label=sid_label value=f.sid /></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let testid = title.to_lowercase();
    view! {
        <h2>{title}</h2>
        <div class="table-wrap">
            <table class="table product-table" data-testid=testid>
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Path"</th>
                        <th scope="col">"URL"</th>
                        <th scope="col">"Visibility"</th>
                        <th scope="col">"SID"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
