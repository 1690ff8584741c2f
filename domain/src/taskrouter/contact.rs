//! Contacts that arrive: a call to one of the account's numbers, or a message to one of its
//! Conversations addresses, reaches the Studio flow it is routed to, whose Send to Flex step
//! says how the task is made (workflow, channel, priority, timeout, attributes filled in
//! from the call or message). A number or address with no flow, or a flow without the step,
//! makes no task, and the answer says so.

use crate::console::Console;
use crate::error::DomainError;
use crate::flex::address::AddressType;
use crate::products::phone_number::{is_e164, national_format};
use crate::products::studio::{Trigger, render};
use crate::resources::ResourceKind;
use crate::sid::{
    AccountSid, AddressSid, PhoneNumberSid, StudioFlowSid, TaskChannelSid, WorkflowSid,
};
use crate::taskrouter::apply_tasks::task_attributes;
use crate::taskrouter::error::TaskRouterError;
use crate::taskrouter::task::MAX_TASK_ATTRIBUTES;

/// A contact about to become a task: what `CreateTask` would be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTask {
    /// The workflow routing it.
    pub workflow: WorkflowSid,
    /// Its channel.
    pub channel: TaskChannelSid,
    /// Its attributes (a JSON object).
    pub attributes: serde_json::Value,
    /// Its priority.
    pub priority: u32,
    /// Its TTL in seconds.
    pub timeout: u32,
    /// How it arrived, e.g. "Call from +14155550199 to (212) 555-0110".
    pub origin: String,
}

fn refused(reason: String) -> DomainError {
    TaskRouterError::Refused(reason).into()
}

fn invalid(field: &str, reason: &str) -> DomainError {
    TaskRouterError::Invalid {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
    .into()
}

impl Console {
    /// The task a call from `from` to `number` makes, or why it makes none.
    pub fn call_task(
        &self,
        account: &AccountSid,
        number: &PhoneNumberSid,
        from: &str,
        extra: &str,
    ) -> Result<NewTask, DomainError> {
        let acc = self.account_ref(account)?;
        let called = acc
            .phone_numbers
            .get(number)
            .ok_or_else(|| self.missing(account, ResourceKind::PhoneNumber, number.as_str()))?;
        let from = from.trim();
        if !is_e164(from) {
            return Err(invalid(
                "Caller",
                "Write the caller's number in E.164, like +14155550199.",
            ));
        }
        let to = national_format(&called.phone_number);
        let Some(flow) = called.studio_flow else {
            return Err(refused(format!(
                "{to} is not routed to a Studio flow, so the call reaches no flow and no task is created. Choose a flow for it on the Phone Numbers page."
            )));
        };
        let trigger = Trigger::Call {
            from: from.to_owned(),
            to: called.phone_number.clone(),
        };
        let origin = format!("Call from {from} to {to}");
        self.flow_task(account, &flow, "call", trigger, extra, origin)
    }

    /// The task a message from `from` to `address` makes, or why it makes none.
    pub fn message_task(
        &self,
        account: &AccountSid,
        address: &AddressSid,
        from: &str,
        body: &str,
        extra: &str,
    ) -> Result<NewTask, DomainError> {
        let acc = self.account_ref(account)?;
        let to = acc
            .flex
            .as_ref()
            .ok_or(DomainError::NoFlexInstance)?
            .addresses
            .iter()
            .find(|a| a.sid == *address)
            .ok_or_else(|| TaskRouterError::Unknown {
                what: "Conversations address",
                id: address.to_string(),
            })?;
        let from = from.trim();
        let (sender, what) = match to.address_type {
            AddressType::Chat => {
                if from.is_empty() || from.chars().count() > 64 {
                    return Err(invalid(
                        "Sender",
                        "Give the chat sender's name, 1 to 64 characters.",
                    ));
                }
                (from.to_owned(), "Chat")
            }
            kind => {
                let number = from.strip_prefix("whatsapp:").unwrap_or(from);
                if !is_e164(number) {
                    return Err(invalid(
                        "Sender",
                        "Write the sender's number in E.164, like +14155550199.",
                    ));
                }
                match kind {
                    AddressType::Whatsapp => (format!("whatsapp:{number}"), "WhatsApp message"),
                    _ => (number.to_owned(), "SMS"),
                }
            }
        };
        let label = to.label();
        let Some(flow) = to.studio_flow else {
            return Err(refused(format!(
                "The {} address {label} hands its messages to no Studio flow, so no task is created. Choose a flow for it on the Conversations addresses page.",
                to.address_type
            )));
        };
        let trigger = Trigger::Message {
            from: sender.clone(),
            to: to.address.clone(),
            body: body.to_owned(),
            channel_type: to.address_type.channel_type().to_owned(),
        };
        let origin = format!("{what} from {sender} to {label}");
        self.flow_task(account, &flow, "message", trigger, extra, origin)
    }

    /// The task `flow`'s Send to Flex step makes of a contact.
    fn flow_task(
        &self,
        account: &AccountSid,
        flow: &StudioFlowSid,
        contact: &str,
        trigger: Trigger,
        extra: &str,
        origin: String,
    ) -> Result<NewTask, DomainError> {
        let acc = self.account_ref(account)?;
        let flow = acc
            .studio_flow(flow)
            .ok_or_else(|| self.missing(account, ResourceKind::StudioFlow, flow.as_str()))?;
        let name = &flow.friendly_name;
        let Some(step) = &flow.send_to_flex else {
            return Err(refused(format!(
                "The Studio flow {name} has no Send to Flex step, so the {contact} ends in the flow and no task is created. Add the step on the Studio page."
            )));
        };
        let ws = self.workspace(account).ok_or(DomainError::NoFlexInstance)?;
        if ws.workflow(&step.workflow).is_none() {
            return Err(refused(format!(
                "The Send to Flex step of {name} routes with a workflow that no longer exists ({}), so Studio fails to create the task. Choose another workflow on the Studio page.",
                step.workflow
            )));
        }
        if ws.channel(&step.channel).is_none() {
            return Err(refused(format!(
                "The Send to Flex step of {name} uses a task channel that no longer exists ({}), so Studio fails to create the task. Choose another channel on the Studio page.",
                step.channel
            )));
        }
        let rendered = render(&step.attributes, &trigger).map_err(|reason| {
            refused(format!(
                "The Send to Flex attributes of {name} cannot be filled in: {reason}"
            ))
        })?;
        let mut attributes = task_attributes(&rendered)?;
        if let (Some(into), serde_json::Value::Object(more)) =
            (attributes.as_object_mut(), task_attributes(extra)?)
        {
            into.extend(more);
        }
        let size = attributes.to_string().chars().count();
        if size > MAX_TASK_ATTRIBUTES {
            return Err(invalid(
                "Attributes",
                &format!(
                    "TaskRouter keeps at most 4,096 characters of task attributes; with the extra ones these have {size}."
                ),
            ));
        }
        Ok(NewTask {
            workflow: step.workflow,
            channel: step.channel,
            attributes,
            priority: step.priority,
            timeout: step.timeout,
            origin,
        })
    }
}
