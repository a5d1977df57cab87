// Boost.Asio is built with BOOST_ASIO_SEPARATE_COMPILATION (set PUBLIC by surfzone_http). The
// daemon gets the implementation from another library; this test does not link that, so it
// compiles its own copy here.
#include <boost/asio/impl/src.hpp>
