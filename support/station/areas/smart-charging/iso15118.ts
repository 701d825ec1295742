/**
 * The EV's side of ISO 15118 smart charging (K15–K17) as the station relays it: the EV states its
 * charging needs (NotifyEVChargingNeeds), and once the CSMS has set a TxProfile the EV answers with
 * the schedule it will follow (NotifyEVChargingSchedule), or renegotiates its needs first.
 */
import type {
  ChargingProfileType,
  ChargingScheduleType,
  NotifyEVChargingNeedsRequest,
  NotifyEVChargingScheduleRequest,
  NotifyEVChargingScheduleResponse,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation, Exchange } from '../../core/charging-station';
import { watchingRates } from './limits';
import { type EvAnswer, ISO15118_EVS, type Iso15118Ev } from './state';

/** The EV at the request's EVSE now speaks ISO 15118 with these needs; renegotiating keeps its planned answers. */
export function evStatesNeeds(station: ChargingStation, request: NotifyEVChargingNeedsRequest): Iso15118Ev {
  const evs = station.state(ISO15118_EVS);
  const known = evs.get(request.evseId);
  const ev: Iso15118Ev = {
    evseId: request.evseId,
    needs: structuredClone(request.chargingNeeds),
    maxScheduleTuples: request.maxScheduleTuples ?? 1,
    answers: known?.answers ?? [],
  };
  evs.set(request.evseId, ev);
  return ev;
}

/** How the EV at an EVSE will answer the next schedules the CSMS sends it. */
export function planEvAnswers(station: ChargingStation, evseId: number, answers: readonly EvAnswer[]): void {
  const ev = station.state(ISO15118_EVS).get(evseId);
  if (ev) ev.answers.push(...answers);
  else
    station.state(ISO15118_EVS).set(evseId, {
      evseId,
      needs: { requestedEnergyTransfer: 'AC_three_phase' },
      maxScheduleTuples: 10,
      answers: [...answers],
    });
}

export function iso15118EvAt(station: ChargingStation, evseId: number): Iso15118Ev | undefined {
  return station.state(ISO15118_EVS).get(evseId);
}

function doubled(schedule: ChargingScheduleType): ChargingScheduleType {
  return {
    ...structuredClone(schedule),
    chargingSchedulePeriod: schedule.chargingSchedulePeriod.map((period) => ({ ...period, limit: period.limit * 2 })),
  };
}

/** A TxProfile was installed for the EV's transaction: the EV answers it as planned, through the station. */
export function evReceivesProfile(station: ChargingStation, evseId: number, profile: ChargingProfileType): void {
  const ev = station.state(ISO15118_EVS).get(evseId);
  const schedule = profile.chargingSchedule[0];
  if (!ev || profile.chargingProfilePurpose !== 'TxProfile' || !schedule) return;
  const answer = ev.answers.shift() ?? 'adopt';
  const because = `the EV at EVSE ${evseId} received TxProfile ${profile.id} over ISO 15118`;
  if (answer === 'renegotiate') {
    station.owed.owe(
      'NotifyEVChargingNeeds',
      () => ({ evseId, maxScheduleTuples: ev.maxScheduleTuples, chargingNeeds: structuredClone(ev.needs) }),
      `${because} and renegotiates its charging needs`,
    );
    return;
  }
  const proposed = answer === 'exceed' ? doubled(schedule) : structuredClone(schedule);
  station.owed.owe(
    'NotifyEVChargingSchedule',
    () => ({ timeBase: new Date().toISOString(), evseId, chargingSchedule: proposed }),
    answer === 'exceed' ? `${because} and asks twice its limits` : `${because} and adopts its schedule`,
  );
}

/** The CSMS answered the EV's schedule: Accepted makes it the schedule the EV draws by (a Rejected one waits for renegotiation). */
export function evScheduleAnswered(station: ChargingStation, exchange: Exchange): void {
  if (exchange.action !== 'NotifyEVChargingSchedule' || exchange.response === undefined) return;
  const request = exchange.request as NotifyEVChargingScheduleRequest;
  const response = exchange.response as NotifyEVChargingScheduleResponse;
  const ev = station.state(ISO15118_EVS).get(request.evseId);
  if (!ev || response.status !== 'Accepted') return;
  watchingRates(station, `the CSMS accepted the EV's schedule at EVSE ${request.evseId}`, () => {
    ev.agreed = structuredClone(request.chargingSchedule);
  });
}

/** The station forwards the EV's schedule(s) it owes and the EV learns the CSMS's answer. */
export async function forwardEvSchedules(station: ChargingStation): Promise<Exchange[]> {
  const sent = await station.sendOwed('NotifyEVChargingSchedule');
  for (const exchange of sent) evScheduleAnswered(station, exchange);
  return sent;
}
