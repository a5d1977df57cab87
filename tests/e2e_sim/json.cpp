// Boost.JSON compiled into this test binary (header-only mode): the truth API speaks JSON.
#include <boost/json/src.hpp>  // NOLINT(build/include_order)
