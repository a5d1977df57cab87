// Boost.JSON, header-only: its implementation is compiled once here for the tests.
#include <boost/json/src.hpp>
