#include "base/parallel.hpp"

#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace tl {

void run_on_threads(std::size_t threads, const std::function<void(std::size_t)>& body) {
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            helpers.emplace_back(body, t);
        } catch (const std::system_error&) {
            break;  // pthread_create failed (EAGAIN): the threads already started share the work
        }
    }
    std::exception_ptr failed;
    try {
        body(0);
    } catch (...) {
        failed = std::current_exception();
    }
    for (std::thread& helper : helpers)
        helper.join();
    if (failed) std::rethrow_exception(failed);
}

}  // namespace tl
