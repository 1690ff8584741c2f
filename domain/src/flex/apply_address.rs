//! Commands on Conversations addresses: add one for a number or a chat name, hand its
//! messages to another Studio flow, delete it. They need "manage products" and Flex.

use crate::apply::{Checked, Ctx, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::flex::address::{AddressType, ConversationsAddress, address_for};
use crate::identity::account::Account;
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, AddressSid, StudioFlowSid};
use crate::taskrouter::error::TaskRouterError;

impl Console {
    pub(crate) fn create_address<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        address_type: AddressType,
        typed: &str,
        flow: Option<&'c StudioFlowSid>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let address =
            address_for(acc, address_type, typed).map_err(|reason| TaskRouterError::Invalid {
                field: "Address".into(),
                reason,
            })?;
        let flow_name = flow_name(acc, flow)?;
        change(move |c, ctx| {
            let created = ConversationsAddress {
                sid: AddressSid::generate(&mut c.random),
                address_type,
                address,
                studio_flow: flow.copied(),
                created: ctx.now,
            };
            let kind = EventKind::AddressCreated {
                address: created.sid,
                label: format!("{address_type} {}", created.label()),
                flow_name,
            };
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                flex.addresses.push(created);
            }
            (Some(*account), kind)
        })
    }

    pub(crate) fn route_address<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        address: &'c AddressSid,
        flow: Option<&'c StudioFlowSid>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let label = address_label(acc, address)?;
        let flow_name = flow_name(acc, flow)?;
        change(move |c, _| {
            if let Some(a) = c
                .account_mut(account)
                .and_then(|a| a.flex.as_mut())
                .and_then(|f| f.addresses.iter_mut().find(|a| a.sid == *address))
            {
                a.studio_flow = flow.copied();
            }
            let kind = EventKind::AddressRouted {
                address: *address,
                label,
                flow_name,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn delete_address<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        address: &'c AddressSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let label = address_label(acc, address)?;
        change(move |c, _| {
            if let Some(flex) = c.account_mut(account).and_then(|a| a.flex.as_mut()) {
                flex.addresses.retain(|a| a.sid != *address);
            }
            let kind = EventKind::AddressDeleted {
                address: *address,
                label,
            };
            (Some(*account), kind)
        })
    }
}

/// "SMS (415) 555-0101" for an address of the account.
fn address_label(acc: &Account, address: &AddressSid) -> Result<String, DomainError> {
    acc.flex
        .as_ref()
        .ok_or(DomainError::NoFlexInstance)?
        .addresses
        .iter()
        .find(|a| a.sid == *address)
        .map(|a| format!("{} {}", a.address_type, a.label()))
        .ok_or_else(|| {
            TaskRouterError::Unknown {
                what: "Conversations address",
                id: address.to_string(),
            }
            .into()
        })
}

/// The name of the flow chosen, which must be one of the account's.
fn flow_name(acc: &Account, flow: Option<&StudioFlowSid>) -> Result<Option<String>, DomainError> {
    flow.map(|sid| {
        acc.studio_flow_name(sid)
            .map(str::to_owned)
            .ok_or_else(|| DomainError::Missing {
                kind: ResourceKind::StudioFlow,
                sid: sid.to_string(),
                gone: None,
            })
    })
    .transpose()
}
