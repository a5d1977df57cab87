// Boost.Asio is compiled once, here (BOOST_ASIO_SEPARATE_COMPILATION is set on every target).
#include <boost/asio/impl/src.hpp>
