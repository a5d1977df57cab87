// Boost.Asio compiled once, here. surfzone_asio sets BOOST_ASIO_SEPARATE_COMPILATION PUBLIC, so
// every target that links it (surfzone_snmp, surfzone_http, the simulator) uses this copy.
#include <boost/asio/impl/src.hpp>
