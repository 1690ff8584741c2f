//! Commands on an account's products: phone numbers, Studio flows and TwiML Bins.
//! All of them need the "manage products" capability (Owner, Administrator, Developer).

use super::account::AccountType;
use super::apply::{Ctx, Outcome};
use super::console::Console;
use super::error::DomainError;
use super::event::EventKind;
use super::name::clean_name;
use super::phone_number::{PhoneNumber, in_inventory};
use super::sid::{AccountSid, PhoneNumberSid, StudioFlowSid, TwimlBinSid};
use super::twiml::check_twiml;
use super::twiml_bin::{TWIML_BIN_NAME_MAX, TWIML_MAX, TwimlBin};

impl Console {
    /// A trial account holds one number, as on Twilio; a number is offered once.
    pub(crate) fn buy_phone_number(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        phone_number: &str,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        let phone_number = phone_number.trim();
        let offered = in_inventory(phone_number)
            .filter(|n| !self.index.numbers_in_use.contains(&n.phone_number))
            .ok_or_else(|| DomainError::NumberNotAvailable(phone_number.to_owned()))?;
        if acc.account_type == AccountType::Trial && !acc.phone_numbers.is_empty() {
            return Err(DomainError::TrialNumberLimit);
        }
        let number = PhoneNumber {
            sid: PhoneNumberSid::generate(&mut self.random),
            phone_number: offered.phone_number,
            locality: offered.locality.to_owned(),
            capabilities: offered.capabilities,
            studio_flow: None,
            bought: ctx.now,
        };
        let kind = EventKind::PhoneNumberBought {
            number: number.sid.clone(),
            phone_number: number.phone_number.clone(),
        };
        self.index
            .numbers_in_use
            .insert(number.phone_number.clone());
        self.account_mut(&account)?
            .phone_numbers
            .insert(number.sid.clone(), number);
        Ok((Some(account), kind))
    }

    pub(crate) fn release_phone_number(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        number: PhoneNumberSid,
    ) -> Outcome {
        self.authorize(ctx, &account)?;
        let released = self
            .account_mut(&account)?
            .phone_numbers
            .remove(&number)
            .ok_or_else(|| DomainError::UnknownPhoneNumber(number.clone()))?;
        self.index.numbers_in_use.remove(&released.phone_number);
        let kind = EventKind::PhoneNumberReleased {
            number,
            phone_number: released.phone_number,
        };
        Ok((Some(account), kind))
    }

    pub(crate) fn route_phone_number(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        number: PhoneNumberSid,
        flow: Option<StudioFlowSid>,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if !acc.phone_numbers.contains_key(&number) {
            return Err(DomainError::UnknownPhoneNumber(number));
        }
        let flow_name = match &flow {
            Some(sid) => Some(
                acc.studio_flow_name(sid)
                    .ok_or_else(|| DomainError::UnknownStudioFlow(sid.clone()))?
                    .to_owned(),
            ),
            None => None,
        };
        let acc = self.account_mut(&account)?;
        let Some(routed) = acc.phone_numbers.get_mut(&number) else {
            return Err(DomainError::UnknownPhoneNumber(number));
        };
        routed.studio_flow.clone_from(&flow);
        let kind = EventKind::PhoneNumberRouted {
            number,
            phone_number: routed.phone_number.clone(),
            flow,
            flow_name,
        };
        Ok((Some(account), kind))
    }

    /// Deleting a flow is allowed, as on Twilio, but whatever it handled stops being
    /// routed: the numbers and Flex Flows that used it are left without a flow.
    pub(crate) fn delete_studio_flow(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        flow: StudioFlowSid,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if acc.studio_flow_name(&flow).is_none() {
            return Err(DomainError::UnknownStudioFlow(flow));
        }
        let acc = self.account_mut(&account)?;
        let mut numbers_unrouted = Vec::new();
        for number in acc.phone_numbers.values_mut() {
            if number.studio_flow.as_ref() == Some(&flow) {
                number.studio_flow = None;
                numbers_unrouted.push(number.phone_number.clone());
            }
        }
        let mut flex_flows_unrouted = Vec::new();
        let mut friendly_name = String::new();
        if let Some(flex) = acc.flex.as_mut() {
            for flex_flow in &mut flex.flex_flows {
                if flex_flow.studio_flow.as_ref() == Some(&flow) {
                    flex_flow.studio_flow = None;
                    flex_flows_unrouted.push(flex_flow.friendly_name.clone());
                }
            }
            if let Some(i) = flex.studio_flows.iter().position(|f| f.sid == flow) {
                friendly_name = flex.studio_flows.remove(i).friendly_name;
            }
        }
        let kind = EventKind::StudioFlowDeleted {
            flow,
            friendly_name,
            numbers_unrouted,
            flex_flows_unrouted,
        };
        Ok((Some(account), kind))
    }

    pub(crate) fn create_twiml_bin(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        friendly_name: &str,
        twiml: String,
    ) -> Outcome {
        self.authorize(ctx, &account)?;
        let friendly_name = clean_name("TwiML Bin name", friendly_name, TWIML_BIN_NAME_MAX)?;
        check_bin_twiml(&twiml)?;
        let bin = TwimlBin {
            sid: TwimlBinSid::generate(&mut self.random),
            friendly_name: friendly_name.clone(),
            twiml,
            created: ctx.now,
            updated: ctx.now,
        };
        let kind = EventKind::TwimlBinCreated {
            bin: bin.sid.clone(),
            friendly_name,
        };
        self.account_mut(&account)?
            .twiml_bins
            .insert(bin.sid.clone(), bin);
        Ok((Some(account), kind))
    }

    pub(crate) fn update_twiml_bin(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        bin: TwimlBinSid,
        friendly_name: &str,
        twiml: String,
    ) -> Outcome {
        let (_, _, acc) = self.authorize(ctx, &account)?;
        if !acc.twiml_bins.contains_key(&bin) {
            return Err(DomainError::UnknownTwimlBin(bin));
        }
        let friendly_name = clean_name("TwiML Bin name", friendly_name, TWIML_BIN_NAME_MAX)?;
        check_bin_twiml(&twiml)?;
        let acc = self.account_mut(&account)?;
        let Some(stored) = acc.twiml_bins.get_mut(&bin) else {
            return Err(DomainError::UnknownTwimlBin(bin));
        };
        stored.friendly_name.clone_from(&friendly_name);
        stored.twiml = twiml;
        stored.updated = ctx.now;
        let kind = EventKind::TwimlBinUpdated { bin, friendly_name };
        Ok((Some(account), kind))
    }

    pub(crate) fn delete_twiml_bin(
        &mut self,
        ctx: &Ctx,
        account: AccountSid,
        bin: TwimlBinSid,
    ) -> Outcome {
        self.authorize(ctx, &account)?;
        let removed = self
            .account_mut(&account)?
            .twiml_bins
            .remove(&bin)
            .ok_or_else(|| DomainError::UnknownTwimlBin(bin.clone()))?;
        let kind = EventKind::TwimlBinDeleted {
            bin,
            friendly_name: removed.friendly_name,
        };
        Ok((Some(account), kind))
    }
}

/// The TwiML a bin may hold: well-formed, `<Response>` root, not too long.
pub(crate) fn check_bin_twiml(twiml: &str) -> Result<(), DomainError> {
    if twiml.chars().count() > TWIML_MAX {
        return Err(DomainError::TwimlTooLong { max: TWIML_MAX });
    }
    check_twiml(twiml).map_err(DomainError::InvalidTwiml)
}
