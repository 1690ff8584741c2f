//! Commands on an account's products: phone numbers, Studio flows and TwiML Bins.
//! All of them need the "manage products" capability (Owner, Administrator, Developer).

use crate::apply::{Checked, Ctx, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::identity::account::{Account, AccountType};
use crate::identity::name::clean_name;
use crate::products::phone_number::{PhoneNumber, in_inventory, national_format};
use crate::products::studio::{SendToFlex, check_step};
use crate::products::twiml_bin::check_bin_twiml;
use crate::products::twiml_bin::{TWIML_BIN_NAME_MAX, TwimlBin};
use crate::resources::ResourceKind;
use crate::revision::Revision;
use crate::sid::{AccountSid, PhoneNumberSid, StudioFlowSid, TwimlBinSid};
use crate::taskrouter::error::TaskRouterError;

impl Console {
    /// A trial account holds one number, as on Twilio; a number is offered once.
    pub(crate) fn buy_phone_number<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        phone_number: &str,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        // The account's state refuses before the number chosen does.
        if acc.account_type == AccountType::Trial && !acc.phone_numbers.is_empty() {
            return Err(DomainError::TrialNumberLimit);
        }
        let phone_number = phone_number.trim();
        let offered = in_inventory(phone_number)
            .filter(|n| !self.index.numbers_in_use.contains(&n.phone_number))
            .ok_or_else(|| DomainError::NumberNotAvailable(phone_number.to_owned()))?;
        change(move |c, ctx| {
            let number = PhoneNumber {
                sid: PhoneNumberSid::generate(&mut c.random),
                phone_number: offered.phone_number,
                locality: offered.locality.to_owned(),
                capabilities: offered.capabilities,
                studio_flow: None,
                bought: ctx.now,
            };
            let kind = EventKind::PhoneNumberBought {
                number: number.sid,
                phone_number: number.phone_number.clone(),
            };
            c.index.numbers_in_use.insert(number.phone_number.clone());
            if let Some(acc) = c.account_mut(account) {
                acc.phone_numbers.insert(number.sid, number);
            }
            (Some(*account), kind)
        })
    }

    pub(crate) fn release_phone_number<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        number: &'c PhoneNumberSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let phone_number = self.owned_number(acc, number)?;
        if let Some(address) = acc.flex.as_ref().and_then(|f| {
            f.addresses
                .iter()
                .find(|a| a.address.trim_start_matches("whatsapp:") == phone_number)
        }) {
            return Err(TaskRouterError::InUse {
                subject: format!("The number {}", national_format(&phone_number)),
                reason: format!("is the Conversations address {}", address.label()),
                remedy: "Delete the address on the Conversations addresses page first.".into(),
            }
            .into());
        }
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.phone_numbers.remove(number);
            }
            c.index.numbers_in_use.remove(&phone_number);
            let kind = EventKind::PhoneNumberReleased {
                number: *number,
                phone_number,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn route_phone_number<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        number: &'c PhoneNumberSid,
        flow: Option<&'c StudioFlowSid>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let phone_number = self.owned_number(acc, number)?;
        let flow_name = match flow {
            Some(sid) => Some(
                acc.studio_flow_name(sid)
                    .ok_or_else(|| self.missing(account, ResourceKind::StudioFlow, sid.as_str()))?
                    .to_owned(),
            ),
            None => None,
        };
        change(move |c, _| {
            if let Some(routed) = c
                .account_mut(account)
                .and_then(|acc| acc.phone_numbers.get_mut(number))
            {
                routed.studio_flow = flow.cloned();
            }
            let kind = EventKind::PhoneNumberRouted {
                number: *number,
                phone_number,
                flow: flow.cloned(),
                flow_name,
            };
            (Some(*account), kind)
        })
    }

    /// Deleting a flow is allowed, as on Twilio, but whatever it handled stops being
    /// routed: the numbers and Flex Flows that used it are left without a flow.
    pub(crate) fn delete_studio_flow<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        flow: &'c StudioFlowSid,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        if acc.studio_flow_name(flow).is_none() {
            return Err(self.missing(account, ResourceKind::StudioFlow, flow.as_str()));
        }
        change(move |c, _| {
            let mut numbers_unrouted = Vec::new();
            let mut flex_flows_unrouted = Vec::new();
            let mut addresses_unrouted = Vec::new();
            let mut friendly_name = String::new();
            if let Some(acc) = c.account_mut(account) {
                for number in acc.phone_numbers.values_mut() {
                    if number.studio_flow.as_ref() == Some(flow) {
                        number.studio_flow = None;
                        numbers_unrouted.push(number.phone_number.clone());
                    }
                }
                if let Some(flex) = acc.flex.as_mut() {
                    for flex_flow in &mut flex.flex_flows {
                        if flex_flow.studio_flow.as_ref() == Some(flow) {
                            flex_flow.studio_flow = None;
                            flex_flows_unrouted.push(flex_flow.friendly_name.clone());
                        }
                    }
                    for address in &mut flex.addresses {
                        if address.studio_flow.as_ref() == Some(flow) {
                            address.studio_flow = None;
                            addresses_unrouted.push(address.label());
                        }
                    }
                    if let Some(i) = flex.studio_flows.iter().position(|f| f.sid == *flow) {
                        friendly_name = flex.studio_flows.remove(i).friendly_name;
                    }
                }
            }
            let kind = EventKind::StudioFlowDeleted {
                flow: *flow,
                friendly_name,
                numbers_unrouted,
                flex_flows_unrouted,
                addresses_unrouted,
            };
            (Some(*account), kind)
        })
    }

    /// A Send to Flex step is saved only with a workflow and channel of the workspace and
    /// values the widget takes (see [`check_step`]).
    pub(crate) fn set_send_to_flex<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        flow: &'c StudioFlowSid,
        step: Option<&'c SendToFlex>,
    ) -> Checked<'c> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let friendly_name = acc
            .studio_flow_name(flow)
            .ok_or_else(|| self.missing(account, ResourceKind::StudioFlow, flow.as_str()))?
            .to_owned();
        let workflow_name = match step {
            Some(step) => {
                let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
                let workflow = ws.workflow(&step.workflow).ok_or_else(|| {
                    TaskRouterError::Invalid {
                        field: "Workflow".into(),
                        reason: format!(
                            "The workflow {} does not exist (it may have been deleted); choose one of the workspace's workflows.",
                            step.workflow
                        ),
                    }
                })?;
                ws.channel(&step.channel)
                    .ok_or_else(|| TaskRouterError::Invalid {
                        field: "Task Channel".into(),
                        reason: format!(
                            "The task channel {} does not exist (it may have been deleted); choose one of the workspace's channels.",
                            step.channel
                        ),
                    })?;
                check_step(step).map_err(|(field, reason)| TaskRouterError::Invalid {
                    field: field.into(),
                    reason,
                })?;
                Some(workflow.friendly_name.clone())
            }
            None => None,
        };
        change(move |c, _| {
            if let Some(stored) = c
                .account_mut(account)
                .and_then(|a| a.flex.as_mut())
                .and_then(|f| f.studio_flows.iter_mut().find(|f| f.sid == *flow))
            {
                stored.send_to_flex = step.cloned();
            }
            let kind = EventKind::StudioFlowUpdated {
                flow: *flow,
                friendly_name,
                workflow_name,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn create_twiml_bin<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        friendly_name: &str,
        twiml: &'c str,
    ) -> Checked<'c> {
        self.authorize(ctx, account)?;
        let friendly_name = clean_name("TwiML Bin name", friendly_name, TWIML_BIN_NAME_MAX)?;
        check_bin_twiml(twiml)?;
        change(move |c, ctx| {
            let bin = TwimlBin {
                sid: TwimlBinSid::generate(&mut c.random),
                friendly_name: friendly_name.clone(),
                twiml: twiml.to_owned(),
                created: ctx.now,
                updated: ctx.now,
                revision: Revision::default(),
            };
            let kind = EventKind::TwimlBinCreated {
                bin: bin.sid,
                friendly_name,
            };
            if let Some(acc) = c.account_mut(account) {
                acc.twiml_bins.insert(bin.sid, bin);
            }
            (Some(*account), kind)
        })
    }

    pub(crate) fn update_twiml_bin<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        bin: &'c TwimlBinSid,
        friendly_name: &str,
        twiml: &'c str,
        revision: Option<u64>,
    ) -> Checked<'c> {
        let name = self.twiml_bin_exists(ctx, account, bin)?;
        if let Some(stored) = self.account_ref(account)?.twiml_bins.get(bin) {
            self.check_seen(&stored.revision, revision, || {
                format!("the TwiML Bin {name}")
            })?;
        }
        let friendly_name = clean_name("TwiML Bin name", friendly_name, TWIML_BIN_NAME_MAX)?;
        check_bin_twiml(twiml)?;
        change(move |c, ctx| {
            if let Some(stored) = c
                .account_mut(account)
                .and_then(|acc| acc.twiml_bins.get_mut(bin))
            {
                stored.friendly_name.clone_from(&friendly_name);
                twiml.clone_into(&mut stored.twiml);
                stored.updated = ctx.now;
                stored.revision = stored.revision.next(ctx.actor, ctx.now);
            }
            let kind = EventKind::TwimlBinUpdated {
                bin: *bin,
                friendly_name,
            };
            (Some(*account), kind)
        })
    }

    pub(crate) fn delete_twiml_bin<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        bin: &'c TwimlBinSid,
    ) -> Checked<'c> {
        let friendly_name = self.twiml_bin_exists(ctx, account, bin)?;
        change(move |c, _| {
            if let Some(acc) = c.account_mut(account) {
                acc.twiml_bins.remove(bin);
            }
            let kind = EventKind::TwimlBinDeleted {
                bin: *bin,
                friendly_name,
            };
            (Some(*account), kind)
        })
    }

    /// The checks changing and deleting a bin share: allowed, and the bin exists.
    /// Gives its name.
    fn twiml_bin_exists(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        bin: &TwimlBinSid,
    ) -> Result<String, DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        acc.twiml_bins
            .get(bin)
            .map(|b| b.friendly_name.clone())
            .ok_or_else(|| self.missing(account, ResourceKind::TwimlBin, bin.as_str()))
    }

    /// The E.164 text of a number the account owns.
    fn owned_number(
        &self,
        account: &Account,
        number: &PhoneNumberSid,
    ) -> Result<String, DomainError> {
        account
            .phone_numbers
            .get(number)
            .map(|n| n.phone_number.clone())
            .ok_or_else(|| self.missing(&account.sid, ResourceKind::PhoneNumber, number.as_str()))
    }
}
