#pragma once
/// How busy a kind of place is at a given moment: the expected share of an AP's client capacity
/// in use. A pure, deterministic function of (kind, sim time); noise is added per AP elsewhere.
///
/// Time is local Helsingborg time (see local_time.hpp: CET/CEST with the EU rule). Shapes:
/// - park: summer afternoons, more at weekends; near empty at night and in winter;
/// - square: around midday and in the evening, every day;
/// - street: commute peaks (08:00, 17:00) on weekdays, a flat afternoon at weekends;
/// - harbour: daytime strolls, plus "event nights" on Friday and Saturday evenings;
/// - building: office hours on weekdays, lower in the July holidays;
/// - other: a broad daytime hump.
/// Seasonal factor: outdoor kinds peak mid-July and bottom out mid-January.

#include "surfzone/config/config.hpp"

namespace surfzone::sim {

using LocationKind = config::LocationKind;

/// Expected occupancy in [0, 1]: the fraction of an AP's capacity (max clients) in use.
double Occupancy(LocationKind kind, double unix_seconds);

/// The seasonal factor alone, in [0, 1] (1 = the kind's busiest season).
double SeasonalFactor(LocationKind kind, int day_of_year);

/// Expected clients for an AP of `capacity` clients: Occupancy(kind, t) * capacity.
double ExpectedClients(LocationKind kind, double unix_seconds, double capacity);

}  // namespace surfzone::sim
