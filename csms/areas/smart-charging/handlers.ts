import type {
  ChargingProfileType,
  ChargingScheduleType,
  NotifyEVChargingNeedsRequest,
  SetChargingProfileRequest,
} from '../../../schemas/ocpp201-messages';
import { limitAt } from '../../../kernel/smart-charging/composite-schedule';
import type { CsmsHandlers, HandlerContext } from '../../handler-context';
import { MINIMUM_CURRENT_A, buildProfile, learnInstalled } from './profiles';
import { runningTransaction, viewOf } from './state';

/** The most the CSMS offers one EVSE, in amperes per phase (a 22 kW three-phase AC connection). */
const EVSE_CAPACITY_A = 32;

function phasesOf(needs: NotifyEVChargingNeedsRequest['chargingNeeds']): number {
  return needs.requestedEnergyTransfer === 'AC_single_phase' || needs.requestedEnergyTransfer === 'AC_two_phase'
    ? needs.requestedEnergyTransfer === 'AC_single_phase'
      ? 1
      : 2
    : 3;
}

function amperes(schedule: ChargingScheduleType, context: HandlerContext, phases: number): number {
  const first = schedule.chargingSchedulePeriod[0]?.limit ?? MINIMUM_CURRENT_A;
  return schedule.chargingRateUnit === 'A' ? first : first / (context.config.CONFIGURED_VOLTAGE * phases);
}

/**
 * K15 / K17: the EV stated its needs for the transaction on that EVSE; the CSMS answers with a
 * TxProfile: what the EV asked for in a schedule it had to reject (renegotiation, K15.FR.13), else the
 * EV's maximum current, else the AC minimum; never more than the EVSE's capacity.
 */
function offerFor(request: NotifyEVChargingNeedsRequest, context: HandlerContext): SetChargingProfileRequest | undefined {
  const { store, station, config } = context;
  const transaction = runningTransaction(store, station, request.evseId);
  if (!transaction) return undefined;
  const view = viewOf(station);
  const phases = phasesOf(request.chargingNeeds);
  const rejected = view.rejectedEvSchedules.get(request.evseId);
  const wanted = rejected
    ? amperes(rejected, context, phases)
    : (request.chargingNeeds.acChargingParameters?.evMaxCurrent ?? MINIMUM_CURRENT_A);
  view.rejectedEvSchedules.delete(request.evseId);
  return buildProfile(
    {
      evseId: request.evseId,
      purpose: 'TxProfile',
      kind: 'Absolute',
      limitA: Math.min(wanted, EVSE_CAPACITY_A),
      transactionId: transaction.transactionId,
    },
    store,
    station,
    config,
  );
}

function sendProfile(request: SetChargingProfileRequest, context: HandlerContext): void {
  const { session, store, station } = context;
  session.afterAnswer(async () => {
    const response = await session.connection.call('SetChargingProfile', request);
    learnInstalled(request, response, store, station, (text) => session.connection.note(text));
  });
}

/** The limit the CSMS set for that EVSE at a moment, in the schedule's unit. */
function allowedAt(context: HandlerContext, evseId: number, unit: ChargingScheduleType['chargingRateUnit'], at: Date, phases?: number) {
  const { store, station, config } = context;
  const running = runningTransaction(store, station, evseId);
  return limitAt(
    {
      // K15.FR.12: the EV's schedule is held to the TxProfile the CSMS set for its transaction.
      profiles: viewOf(station)
        .profiles.all()
        .filter((entry) => entry.profile.chargingProfilePurpose === 'TxProfile' && entry.profile.transactionId === running?.transactionId),
      evseId,
      start: at,
      chargingRateUnit: unit,
      transaction: running && { id: running.transactionId, start: new Date(running.startedAt ?? at) },
      voltage: config.CONFIGURED_VOLTAGE,
      numberPhases: phases ?? config.CONFIGURED_NUMBER_PHASES,
    },
    at,
  );
}

/** Block K: reports of installed profiles, external limits, ISO 15118 charging needs and schedules. */
export const handlers: CsmsHandlers = {
  /** K09: the CSMS learns what the station holds. */
  ReportChargingProfiles: ({ evseId, chargingLimitSource, chargingProfile }, { station, session }) => {
    const view = viewOf(station).profiles;
    for (const profile of chargingProfile as ChargingProfileType[]) {
      if (chargingLimitSource === 'CSO') {
        view.clear({ chargingProfileId: profile.id });
        const known = view.install(evseId, profile, {
          hasEvse: () => true,
          transactionOn: () => (profile.transactionId === undefined ? undefined : { id: profile.transactionId }),
        });
        if (known.status !== 'Accepted')
          session.connection.note(`reported profile ${profile.id} breaks the CSMS's rules: ${known.statusInfo?.additionalInfo}`);
      } else {
        view.installExternal(evseId, profile, chargingLimitSource);
      }
    }
    return {};
  },
  /** K12: an external system limits the station; the CSMS notes it (the limit is the station's to keep). */
  NotifyChargingLimit: ({ chargingLimit, evseId }, { session }) => {
    session.connection.note(
      `external charging limit from ${chargingLimit.chargingLimitSource}${evseId === undefined ? '' : ` on EVSE ${evseId}`}${chargingLimit.isGridCritical ? ' (grid critical)' : ''}`,
    );
    return {};
  },
  /** K13: the external system released its limits; the CSMS forgets what it knew of them. */
  ClearedChargingLimit: ({ chargingLimitSource, evseId }, { station }) => {
    if (chargingLimitSource !== 'CSO') viewOf(station).profiles.removeExternal(chargingLimitSource, evseId);
    return {};
  },
  NotifyEVChargingNeeds: (request, context) => {
    viewOf(context.station).evNeeds.set(request.evseId, structuredClone(request));
    const offer = offerFor(request, context);
    if (!offer)
      return {
        status: 'Rejected',
        statusInfo: { reasonCode: 'TxNotFound', additionalInfo: `no transaction runs on EVSE ${request.evseId}` },
      };
    sendProfile(offer, context);
    return { status: 'Accepted' };
  },
  /**
   * K15.FR.12 / K17: the EV's schedule must keep within the limits the CSMS set for it; one that does
   * not is Rejected and the CSMS renegotiates with a new TxProfile (K15.FR.13).
   */
  NotifyEVChargingSchedule: async ({ evseId, timeBase, chargingSchedule }, context) => {
    // The station's answer to the CSMS's own SetChargingProfile may still be on its way to learnInstalled.
    await context.session.settled();
    const start = Date.parse(timeBase);
    const over = chargingSchedule.chargingSchedulePeriod.find((period) => {
      const allowed = allowedAt(
        context,
        evseId,
        chargingSchedule.chargingRateUnit,
        new Date(start + period.startPeriod * 1000),
        period.numberPhases,
      );
      return allowed !== undefined && period.limit > allowed.limit;
    });
    if (!over) return { status: 'Accepted' };
    viewOf(context.station).rejectedEvSchedules.set(evseId, structuredClone(chargingSchedule));
    const needs = viewOf(context.station).evNeeds.get(evseId) ?? { evseId, chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase' } };
    const renegotiation = offerFor(needs, context);
    if (renegotiation) sendProfile(renegotiation, context);
    return {
      status: 'Rejected',
      statusInfo: { reasonCode: 'ExceedsLimits', additionalInfo: `the period at ${over.startPeriod} s exceeds the TxProfile the CSMS set` },
    };
  },
};
