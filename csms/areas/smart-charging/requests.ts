import { limitAt } from '../../../kernel/smart-charging/composite-schedule';
import { type RequestBuilders, type ResponseObservers, mergeParams } from '../../operator/builder-context';
import { learnInstalled, profileFromParams } from './profiles';
import { runningTransaction, viewOf } from './state';

export const requests: RequestBuilders = {
  SetChargingProfile: (params, { store, station, config }) => profileFromParams(params, store, station, config),
  GetChargingProfiles: (params, { store }) => mergeParams({ requestId: store.nextRequestId(), chargingProfile: {} }, params),
  // No id and no criteria: the operator clears every profile the CSMS may clear (K10).
  ClearChargingProfile: (params) => mergeParams({}, params),
  GetCompositeSchedule: (params, { config }) =>
    mergeParams(
      {
        evseId: config.CONFIGURED_EVSE_ID,
        duration: config.CONFIGURED_CHARGING_SCHEDULE_DURATION,
        chargingRateUnit: config.CONFIGURED_CHARGING_RATE_UNIT,
      },
      params,
    ),
};

/** What the CSMS learns from the station's answers: the profiles it now holds, and whether its composite keeps to them. */
export const responses: ResponseObservers = {
  SetChargingProfile: (request, response, { store, station, session }) =>
    learnInstalled(request, response, store, station, (text) => session?.connection.note(text)),
  ClearChargingProfile: (request, response, { station }) => {
    if (response.status === 'Accepted') viewOf(station).profiles.clear(request);
  },
  GetCompositeSchedule: (request, response, { store, station, config, session }) => {
    const schedule = response.schedule;
    if (response.status !== 'Accepted' || !schedule) return;
    const start = new Date(schedule.scheduleStart);
    const running = request.evseId === 0 ? undefined : runningTransaction(store, station, request.evseId);
    const input = {
      profiles: viewOf(station).profiles.all(),
      evseId: request.evseId,
      start,
      chargingRateUnit: schedule.chargingRateUnit,
      transaction: running && { id: running.transactionId, start: new Date(running.startedAt ?? start) },
      voltage: config.CONFIGURED_VOLTAGE,
      numberPhases: config.CONFIGURED_NUMBER_PHASES,
    };
    for (const period of schedule.chargingSchedulePeriod) {
      const allowed = limitAt(input, new Date(start.getTime() + period.startPeriod * 1000));
      if (allowed && period.limit > allowed.limit) {
        session?.connection.note(
          `the station's composite schedule allows ${period.limit} ${schedule.chargingRateUnit} at ${period.startPeriod} s, above the ${allowed.limit} of the profiles the CSMS knows it holds`,
        );
      }
    }
  },
};
