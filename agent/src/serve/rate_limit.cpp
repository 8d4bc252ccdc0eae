#include "serve/rate_limit.h"

#include <algorithm>

namespace smtpcheck::serve {

bool rate_limit::try_take(clock::time_point now) {
  const std::lock_guard lock(mutex_);
  if (refill_.count() > 0 && now > last_) {
    const long long earned = (now - last_) / refill_;
    if (earned > 0) {
      last_ += refill_ * earned;
      tokens_ = static_cast<int>(std::min<long long>(burst_, tokens_ + earned));
    }
  }
  if (tokens_ == 0) return false;
  --tokens_;
  return true;
}

bool rate_limit_per_origin::try_take(const std::string& origin) {
  rate_limit* bucket = nullptr;
  {
    const std::lock_guard lock(mutex_);
    bucket = &buckets_.try_emplace(origin, burst_, refill_).first->second;
  }
  return bucket->try_take();  // std::map never moves its elements
}

}  // namespace smtpcheck::serve
