//! Who may hold Flex Insights roles. The rule lives here once: setting Insights roles and
//! SSO logins ask it, and the Flex users page asks [`Console::check`] up front.

use crate::apply::Ctx;
use crate::console::Console;
use crate::error::DomainError;
use crate::flex::instance::{FlexInstance, FlexPlan};
use crate::flex::worker::{FlexRole, Worker, admin_or_supervisor};
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, WorkerSid};

/// Whether Insights roles may be held with `flex_roles` on `plan`: Insights exists only on a
/// paid plan, and only admins and supervisors get its roles.
pub fn insights_allowed(plan: &FlexPlan, flex_roles: &[FlexRole]) -> Result<(), DomainError> {
    if !plan.is_paid() {
        return Err(DomainError::InsightsNeedPaidPlan);
    }
    if !admin_or_supervisor(flex_roles) {
        return Err(DomainError::InsightsNeedAdminOrSupervisor);
    }
    Ok(())
}

impl Console {
    /// The checks of setting Insights roles that hold whatever the roles (the actor may,
    /// the account has Flex, the worker exists), giving the instance and the worker.
    pub(crate) fn insights_target(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        worker: &WorkerSid,
    ) -> Result<(&FlexInstance, &Worker), DomainError> {
        let (_, _, acc) = self.authorize(ctx, account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let target = flex
            .workspace
            .workers
            .get(worker)
            .ok_or_else(|| self.missing(account, ResourceKind::Worker, worker.as_str()))?;
        Ok((flex, target))
    }
}
