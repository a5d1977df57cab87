// Boost.Asio SSL compiled once (BOOST_ASIO_SEPARATE_COMPILATION); only surfzone_http uses SSL.
#include <boost/asio/ssl/impl/src.hpp>
