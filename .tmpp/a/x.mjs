// src/lib/dates.ts
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseIsoDate(text) {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}
function isIsoDate(text) {
  return typeof text === "string" && parseIsoDate(text) !== null;
}
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
var monthIndexCache = /* @__PURE__ */ new Map();
function monthIndexOf(date) {
  let index = monthIndexCache.get(date);
  if (index === void 0) {
    const parsed = parseIsoDate(date);
    if (!parsed) throw new Error(`not an ISO date: ${date}`);
    index = parsed.year * 12 + parsed.month - 1;
    if (monthIndexCache.size > 1e3) monthIndexCache.clear();
    monthIndexCache.set(date, index);
  }
  return index;
}
function yearOfMonthIndex(index) {
  return Math.floor(index / 12);
}

// src/lib/breakEven.ts
function decemberOffset(startMonth, year) {
  return year * 12 + 11 - startMonth;
}

// node_modules/d3-array/dist/d3-array.mjs
function ascending(a, b) {
  return a == null || b == null ? NaN : a < b ? -1 : a > b ? 1 : a >= b ? 0 : NaN;
}
function descending(a, b) {
  return a == null || b == null ? NaN : b < a ? -1 : b > a ? 1 : b >= a ? 0 : NaN;
}
function bisector(f) {
  let compare1, compare2, delta;
  if (f.length !== 2) {
    compare1 = ascending;
    compare2 = (d, x) => ascending(f(d), x);
    delta = (d, x) => f(d) - x;
  } else {
    compare1 = f === ascending || f === descending ? f : zero;
    compare2 = f;
    delta = f;
  }
  function left(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = lo + hi >>> 1;
        if (compare2(a[mid], x) < 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }
  function right(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = lo + hi >>> 1;
        if (compare2(a[mid], x) <= 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }
  function center(a, x, lo = 0, hi = a.length) {
    const i = left(a, x, lo, hi - 1);
    return i > lo && delta(a[i - 1], x) > -delta(a[i], x) ? i - 1 : i;
  }
  return { left, center, right };
}
function zero() {
  return 0;
}
function number(x) {
  return x === null ? NaN : +x;
}
var ascendingBisect = bisector(ascending);
var bisectRight = ascendingBisect.right;
var bisectLeft = ascendingBisect.left;
var bisectCenter = bisector(number).center;
var blur2 = Blur2(blurf);
var blurImage = Blur2(blurfImage);
function Blur2(blur) {
  return function(data, rx, ry = rx) {
    if (!((rx = +rx) >= 0)) throw new RangeError("invalid rx");
    if (!((ry = +ry) >= 0)) throw new RangeError("invalid ry");
    let { data: values, width, height } = data;
    if (!((width = Math.floor(width)) >= 0)) throw new RangeError("invalid width");
    if (!((height = Math.floor(height !== void 0 ? height : values.length / width)) >= 0)) throw new RangeError("invalid height");
    if (!width || !height || !rx && !ry) return data;
    const blurx = rx && blur(rx);
    const blury = ry && blur(ry);
    const temp = values.slice();
    if (blurx && blury) {
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    } else if (blurx) {
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
    } else if (blury) {
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    }
    return data;
  };
}
function blurh(blur, T, S, w, h) {
  for (let y = 0, n = w * h; y < n; ) {
    blur(T, S, y, y += w, 1);
  }
}
function blurv(blur, T, S, w, h) {
  for (let x = 0, n = w * h; x < w; ++x) {
    blur(T, S, x, x + n, w);
  }
}
function blurfImage(radius) {
  const blur = blurf(radius);
  return (T, S, start, stop, step) => {
    start <<= 2, stop <<= 2, step <<= 2;
    blur(T, S, start + 0, stop + 0, step);
    blur(T, S, start + 1, stop + 1, step);
    blur(T, S, start + 2, stop + 2, step);
    blur(T, S, start + 3, stop + 3, step);
  };
}
function blurf(radius) {
  const radius0 = Math.floor(radius);
  if (radius0 === radius) return bluri(radius);
  const t2 = radius - radius0;
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => {
    if (!((stop -= step) >= start)) return;
    let sum = radius0 * S[start];
    const s0 = step * radius0;
    const s1 = s0 + step;
    for (let i = start, j = start + s0; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s0)];
      T[i] = (sum + t2 * (S[Math.max(start, i - s1)] + S[Math.min(stop, i + s1)])) / w;
      sum -= S[Math.max(start, i - s0)];
    }
  };
}
function bluri(radius) {
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => {
    if (!((stop -= step) >= start)) return;
    let sum = radius * S[start];
    const s = step * radius;
    for (let i = start, j = start + s; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s)];
      T[i] = sum / w;
      sum -= S[Math.max(start, i - s)];
    }
  };
}
var array = Array.prototype;
var slice = array.slice;
var e10 = Math.sqrt(50);
var e5 = Math.sqrt(10);
var e2 = Math.sqrt(2);
function tickSpec(start, stop, count) {
  const step = (stop - start) / Math.max(0, count), power = Math.floor(Math.log10(step)), error = step / Math.pow(10, power), factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1, i2, inc;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}
function tickIncrement(start, stop, count) {
  stop = +stop, start = +start, count = +count;
  return tickSpec(start, stop, count)[2];
}
function tickStep(start, stop, count) {
  stop = +stop, start = +start, count = +count;
  const reverse = stop < start, inc = reverse ? tickIncrement(stop, start, count) : tickIncrement(start, stop, count);
  return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc);
}
var shuffle = shuffler(Math.random);
function shuffler(random) {
  return function shuffle2(array2, i0 = 0, i1 = array2.length) {
    let m = i1 - (i0 = +i0);
    while (m) {
      const i = random() * m-- | 0, t2 = array2[m + i0];
      array2[m + i0] = array2[i + i0];
      array2[i + i0] = t2;
    }
    return array2;
  };
}

// node_modules/d3-format/dist/d3-format.mjs
function formatDecimal(x) {
  return Math.abs(x = Math.round(x)) >= 1e21 ? x.toLocaleString("en").replace(/,/g, "") : x.toString(10);
}
function formatDecimalParts(x, p) {
  if (!isFinite(x) || x === 0) return null;
  var i = (x = p ? x.toExponential(p - 1) : x.toExponential()).indexOf("e"), coefficient = x.slice(0, i);
  return [
    coefficient.length > 1 ? coefficient[0] + coefficient.slice(2) : coefficient,
    +x.slice(i + 1)
  ];
}
function exponent(x) {
  return x = formatDecimalParts(Math.abs(x)), x ? x[1] : NaN;
}
function formatGroup(grouping, thousands) {
  return function(value, width) {
    var i = value.length, t2 = [], j = 0, g = grouping[0], length = 0;
    while (i > 0 && g > 0) {
      if (length + g + 1 > width) g = Math.max(1, width - length);
      t2.push(value.substring(i -= g, i + g));
      if ((length += g + 1) > width) break;
      g = grouping[j = (j + 1) % grouping.length];
    }
    return t2.reverse().join(thousands);
  };
}
function formatNumerals(numerals) {
  return function(value) {
    return value.replace(/[0-9]/g, function(i) {
      return numerals[+i];
    });
  };
}
var re = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;
function formatSpecifier(specifier) {
  if (!(match = re.exec(specifier))) throw new Error("invalid format: " + specifier);
  var match;
  return new FormatSpecifier({
    fill: match[1],
    align: match[2],
    sign: match[3],
    symbol: match[4],
    zero: match[5],
    width: match[6],
    comma: match[7],
    precision: match[8] && match[8].slice(1),
    trim: match[9],
    type: match[10]
  });
}
formatSpecifier.prototype = FormatSpecifier.prototype;
function FormatSpecifier(specifier) {
  this.fill = specifier.fill === void 0 ? " " : specifier.fill + "";
  this.align = specifier.align === void 0 ? ">" : specifier.align + "";
  this.sign = specifier.sign === void 0 ? "-" : specifier.sign + "";
  this.symbol = specifier.symbol === void 0 ? "" : specifier.symbol + "";
  this.zero = !!specifier.zero;
  this.width = specifier.width === void 0 ? void 0 : +specifier.width;
  this.comma = !!specifier.comma;
  this.precision = specifier.precision === void 0 ? void 0 : +specifier.precision;
  this.trim = !!specifier.trim;
  this.type = specifier.type === void 0 ? "" : specifier.type + "";
}
FormatSpecifier.prototype.toString = function() {
  return this.fill + this.align + this.sign + this.symbol + (this.zero ? "0" : "") + (this.width === void 0 ? "" : Math.max(1, this.width | 0)) + (this.comma ? "," : "") + (this.precision === void 0 ? "" : "." + Math.max(0, this.precision | 0)) + (this.trim ? "~" : "") + this.type;
};
function formatTrim(s) {
  out: for (var n = s.length, i = 1, i0 = -1, i1; i < n; ++i) {
    switch (s[i]) {
      case ".":
        i0 = i1 = i;
        break;
      case "0":
        if (i0 === 0) i0 = i;
        i1 = i;
        break;
      default:
        if (!+s[i]) break out;
        if (i0 > 0) i0 = 0;
        break;
    }
  }
  return i0 > 0 ? s.slice(0, i0) + s.slice(i1 + 1) : s;
}
var prefixExponent;
function formatPrefixAuto(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return prefixExponent = void 0, x.toPrecision(p);
  var coefficient = d[0], exponent2 = d[1], i = exponent2 - (prefixExponent = Math.max(-8, Math.min(8, Math.floor(exponent2 / 3))) * 3) + 1, n = coefficient.length;
  return i === n ? coefficient : i > n ? coefficient + new Array(i - n + 1).join("0") : i > 0 ? coefficient.slice(0, i) + "." + coefficient.slice(i) : "0." + new Array(1 - i).join("0") + formatDecimalParts(x, Math.max(0, p + i - 1))[0];
}
function formatRounded(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return x + "";
  var coefficient = d[0], exponent2 = d[1];
  return exponent2 < 0 ? "0." + new Array(-exponent2).join("0") + coefficient : coefficient.length > exponent2 + 1 ? coefficient.slice(0, exponent2 + 1) + "." + coefficient.slice(exponent2 + 1) : coefficient + new Array(exponent2 - coefficient.length + 2).join("0");
}
var formatTypes = {
  "%": (x, p) => (x * 100).toFixed(p),
  "b": (x) => Math.round(x).toString(2),
  "c": (x) => x + "",
  "d": formatDecimal,
  "e": (x, p) => x.toExponential(p),
  "f": (x, p) => x.toFixed(p),
  "g": (x, p) => x.toPrecision(p),
  "o": (x) => Math.round(x).toString(8),
  "p": (x, p) => formatRounded(x * 100, p),
  "r": formatRounded,
  "s": formatPrefixAuto,
  "X": (x) => Math.round(x).toString(16).toUpperCase(),
  "x": (x) => Math.round(x).toString(16)
};
function identity(x) {
  return x;
}
var map = Array.prototype.map;
var prefixes = ["y", "z", "a", "f", "p", "n", "\xB5", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"];
function formatLocale(locale3) {
  var group = locale3.grouping === void 0 || locale3.thousands === void 0 ? identity : formatGroup(map.call(locale3.grouping, Number), locale3.thousands + ""), currencyPrefix = locale3.currency === void 0 ? "" : locale3.currency[0] + "", currencySuffix = locale3.currency === void 0 ? "" : locale3.currency[1] + "", decimal = locale3.decimal === void 0 ? "." : locale3.decimal + "", numerals = locale3.numerals === void 0 ? identity : formatNumerals(map.call(locale3.numerals, String)), percent2 = locale3.percent === void 0 ? "%" : locale3.percent + "", minus = locale3.minus === void 0 ? "\u2212" : locale3.minus + "", nan = locale3.nan === void 0 ? "NaN" : locale3.nan + "";
  function newFormat(specifier, options) {
    specifier = formatSpecifier(specifier);
    var fill = specifier.fill, align = specifier.align, sign = specifier.sign, symbol = specifier.symbol, zero2 = specifier.zero, width = specifier.width, comma = specifier.comma, precision = specifier.precision, trim = specifier.trim, type = specifier.type;
    if (type === "n") comma = true, type = "g";
    else if (!formatTypes[type]) precision === void 0 && (precision = 12), trim = true, type = "g";
    if (zero2 || fill === "0" && align === "=") zero2 = true, fill = "0", align = "=";
    var prefix = (options && options.prefix !== void 0 ? options.prefix : "") + (symbol === "$" ? currencyPrefix : symbol === "#" && /[boxX]/.test(type) ? "0" + type.toLowerCase() : ""), suffix = (symbol === "$" ? currencySuffix : /[%p]/.test(type) ? percent2 : "") + (options && options.suffix !== void 0 ? options.suffix : "");
    var formatType = formatTypes[type], maybeSuffix = /[defgprs%]/.test(type);
    precision = precision === void 0 ? 6 : /[gprs]/.test(type) ? Math.max(1, Math.min(21, precision)) : Math.max(0, Math.min(20, precision));
    function format2(value) {
      var valuePrefix = prefix, valueSuffix = suffix, i, n, c;
      if (type === "c") {
        valueSuffix = formatType(value) + valueSuffix;
        value = "";
      } else {
        value = +value;
        var valueNegative = value < 0 || 1 / value < 0;
        value = isNaN(value) ? nan : formatType(Math.abs(value), precision);
        if (trim) value = formatTrim(value);
        if (valueNegative && +value === 0 && sign !== "+") valueNegative = false;
        valuePrefix = (valueNegative ? sign === "(" ? sign : minus : sign === "-" || sign === "(" ? "" : sign) + valuePrefix;
        valueSuffix = (type === "s" && !isNaN(value) && prefixExponent !== void 0 ? prefixes[8 + prefixExponent / 3] : "") + valueSuffix + (valueNegative && sign === "(" ? ")" : "");
        if (maybeSuffix) {
          i = -1, n = value.length;
          while (++i < n) {
            if (c = value.charCodeAt(i), 48 > c || c > 57) {
              valueSuffix = (c === 46 ? decimal + value.slice(i + 1) : value.slice(i)) + valueSuffix;
              value = value.slice(0, i);
              break;
            }
          }
        }
      }
      if (comma && !zero2) value = group(value, Infinity);
      var length = valuePrefix.length + value.length + valueSuffix.length, padding = length < width ? new Array(width - length + 1).join(fill) : "";
      if (comma && zero2) value = group(padding + value, padding.length ? width - valueSuffix.length : Infinity), padding = "";
      switch (align) {
        case "<":
          value = valuePrefix + value + valueSuffix + padding;
          break;
        case "=":
          value = valuePrefix + padding + value + valueSuffix;
          break;
        case "^":
          value = padding.slice(0, length = padding.length >> 1) + valuePrefix + value + valueSuffix + padding.slice(length);
          break;
        default:
          value = padding + valuePrefix + value + valueSuffix;
          break;
      }
      return numerals(value);
    }
    format2.toString = function() {
      return specifier + "";
    };
    return format2;
  }
  function formatPrefix2(specifier, value) {
    var e = Math.max(-8, Math.min(8, Math.floor(exponent(value) / 3))) * 3, k = Math.pow(10, -e), f = newFormat((specifier = formatSpecifier(specifier), specifier.type = "f", specifier), { suffix: prefixes[8 + e / 3] });
    return function(value2) {
      return f(k * value2);
    };
  }
  return {
    format: newFormat,
    formatPrefix: formatPrefix2
  };
}
var locale;
var format;
var formatPrefix;
defaultLocale({
  thousands: ",",
  grouping: [3],
  currency: ["$", ""]
});
function defaultLocale(definition) {
  locale = formatLocale(definition);
  format = locale.format;
  formatPrefix = locale.formatPrefix;
  return locale;
}

// node_modules/d3-time/dist/d3-time.mjs
var t0 = /* @__PURE__ */ new Date();
var t1 = /* @__PURE__ */ new Date();
function timeInterval(floori, offseti, count, field) {
  function interval(date) {
    return floori(date = arguments.length === 0 ? /* @__PURE__ */ new Date() : /* @__PURE__ */ new Date(+date)), date;
  }
  interval.floor = (date) => {
    return floori(date = /* @__PURE__ */ new Date(+date)), date;
  };
  interval.ceil = (date) => {
    return floori(date = new Date(date - 1)), offseti(date, 1), floori(date), date;
  };
  interval.round = (date) => {
    const d0 = interval(date), d1 = interval.ceil(date);
    return date - d0 < d1 - date ? d0 : d1;
  };
  interval.offset = (date, step) => {
    return offseti(date = /* @__PURE__ */ new Date(+date), step == null ? 1 : Math.floor(step)), date;
  };
  interval.range = (start, stop, step) => {
    const range = [];
    start = interval.ceil(start);
    step = step == null ? 1 : Math.floor(step);
    if (!(start < stop) || !(step > 0)) return range;
    let previous;
    do
      range.push(previous = /* @__PURE__ */ new Date(+start)), offseti(start, step), floori(start);
    while (previous < start && start < stop);
    return range;
  };
  interval.filter = (test) => {
    return timeInterval((date) => {
      if (date >= date) while (floori(date), !test(date)) date.setTime(date - 1);
    }, (date, step) => {
      if (date >= date) {
        if (step < 0) while (++step <= 0) {
          while (offseti(date, -1), !test(date)) {
          }
        }
        else while (--step >= 0) {
          while (offseti(date, 1), !test(date)) {
          }
        }
      }
    });
  };
  if (count) {
    interval.count = (start, end) => {
      t0.setTime(+start), t1.setTime(+end);
      floori(t0), floori(t1);
      return Math.floor(count(t0, t1));
    };
    interval.every = (step) => {
      step = Math.floor(step);
      return !isFinite(step) || !(step > 0) ? null : !(step > 1) ? interval : interval.filter(field ? (d) => field(d) % step === 0 : (d) => interval.count(0, d) % step === 0);
    };
  }
  return interval;
}
var millisecond = timeInterval(() => {
}, (date, step) => {
  date.setTime(+date + step);
}, (start, end) => {
  return end - start;
});
millisecond.every = (k) => {
  k = Math.floor(k);
  if (!isFinite(k) || !(k > 0)) return null;
  if (!(k > 1)) return millisecond;
  return timeInterval((date) => {
    date.setTime(Math.floor(date / k) * k);
  }, (date, step) => {
    date.setTime(+date + step * k);
  }, (start, end) => {
    return (end - start) / k;
  });
};
var milliseconds = millisecond.range;
var durationSecond = 1e3;
var durationMinute = durationSecond * 60;
var durationHour = durationMinute * 60;
var durationDay = durationHour * 24;
var durationWeek = durationDay * 7;
var durationMonth = durationDay * 30;
var durationYear = durationDay * 365;
var second = timeInterval((date) => {
  date.setTime(date - date.getMilliseconds());
}, (date, step) => {
  date.setTime(+date + step * durationSecond);
}, (start, end) => {
  return (end - start) / durationSecond;
}, (date) => {
  return date.getUTCSeconds();
});
var seconds = second.range;
var timeMinute = timeInterval((date) => {
  date.setTime(date - date.getMilliseconds() - date.getSeconds() * durationSecond);
}, (date, step) => {
  date.setTime(+date + step * durationMinute);
}, (start, end) => {
  return (end - start) / durationMinute;
}, (date) => {
  return date.getMinutes();
});
var timeMinutes = timeMinute.range;
var utcMinute = timeInterval((date) => {
  date.setUTCSeconds(0, 0);
}, (date, step) => {
  date.setTime(+date + step * durationMinute);
}, (start, end) => {
  return (end - start) / durationMinute;
}, (date) => {
  return date.getUTCMinutes();
});
var utcMinutes = utcMinute.range;
var timeHour = timeInterval((date) => {
  date.setTime(date - date.getMilliseconds() - date.getSeconds() * durationSecond - date.getMinutes() * durationMinute);
}, (date, step) => {
  date.setTime(+date + step * durationHour);
}, (start, end) => {
  return (end - start) / durationHour;
}, (date) => {
  return date.getHours();
});
var timeHours = timeHour.range;
var utcHour = timeInterval((date) => {
  date.setUTCMinutes(0, 0, 0);
}, (date, step) => {
  date.setTime(+date + step * durationHour);
}, (start, end) => {
  return (end - start) / durationHour;
}, (date) => {
  return date.getUTCHours();
});
var utcHours = utcHour.range;
var timeDay = timeInterval(
  (date) => date.setHours(0, 0, 0, 0),
  (date, step) => date.setDate(date.getDate() + step),
  (start, end) => (end - start - (end.getTimezoneOffset() - start.getTimezoneOffset()) * durationMinute) / durationDay,
  (date) => date.getDate() - 1
);
var timeDays = timeDay.range;
var utcDay = timeInterval((date) => {
  date.setUTCHours(0, 0, 0, 0);
}, (date, step) => {
  date.setUTCDate(date.getUTCDate() + step);
}, (start, end) => {
  return (end - start) / durationDay;
}, (date) => {
  return date.getUTCDate() - 1;
});
var utcDays = utcDay.range;
var unixDay = timeInterval((date) => {
  date.setUTCHours(0, 0, 0, 0);
}, (date, step) => {
  date.setUTCDate(date.getUTCDate() + step);
}, (start, end) => {
  return (end - start) / durationDay;
}, (date) => {
  return Math.floor(date / durationDay);
});
var unixDays = unixDay.range;
function timeWeekday(i) {
  return timeInterval((date) => {
    date.setDate(date.getDate() - (date.getDay() + 7 - i) % 7);
    date.setHours(0, 0, 0, 0);
  }, (date, step) => {
    date.setDate(date.getDate() + step * 7);
  }, (start, end) => {
    return (end - start - (end.getTimezoneOffset() - start.getTimezoneOffset()) * durationMinute) / durationWeek;
  });
}
var timeSunday = timeWeekday(0);
var timeMonday = timeWeekday(1);
var timeTuesday = timeWeekday(2);
var timeWednesday = timeWeekday(3);
var timeThursday = timeWeekday(4);
var timeFriday = timeWeekday(5);
var timeSaturday = timeWeekday(6);
var timeSundays = timeSunday.range;
var timeMondays = timeMonday.range;
var timeTuesdays = timeTuesday.range;
var timeWednesdays = timeWednesday.range;
var timeThursdays = timeThursday.range;
var timeFridays = timeFriday.range;
var timeSaturdays = timeSaturday.range;
function utcWeekday(i) {
  return timeInterval((date) => {
    date.setUTCDate(date.getUTCDate() - (date.getUTCDay() + 7 - i) % 7);
    date.setUTCHours(0, 0, 0, 0);
  }, (date, step) => {
    date.setUTCDate(date.getUTCDate() + step * 7);
  }, (start, end) => {
    return (end - start) / durationWeek;
  });
}
var utcSunday = utcWeekday(0);
var utcMonday = utcWeekday(1);
var utcTuesday = utcWeekday(2);
var utcWednesday = utcWeekday(3);
var utcThursday = utcWeekday(4);
var utcFriday = utcWeekday(5);
var utcSaturday = utcWeekday(6);
var utcSundays = utcSunday.range;
var utcMondays = utcMonday.range;
var utcTuesdays = utcTuesday.range;
var utcWednesdays = utcWednesday.range;
var utcThursdays = utcThursday.range;
var utcFridays = utcFriday.range;
var utcSaturdays = utcSaturday.range;
var timeMonth = timeInterval((date) => {
  date.setDate(1);
  date.setHours(0, 0, 0, 0);
}, (date, step) => {
  date.setMonth(date.getMonth() + step);
}, (start, end) => {
  return end.getMonth() - start.getMonth() + (end.getFullYear() - start.getFullYear()) * 12;
}, (date) => {
  return date.getMonth();
});
var timeMonths = timeMonth.range;
var utcMonth = timeInterval((date) => {
  date.setUTCDate(1);
  date.setUTCHours(0, 0, 0, 0);
}, (date, step) => {
  date.setUTCMonth(date.getUTCMonth() + step);
}, (start, end) => {
  return end.getUTCMonth() - start.getUTCMonth() + (end.getUTCFullYear() - start.getUTCFullYear()) * 12;
}, (date) => {
  return date.getUTCMonth();
});
var utcMonths = utcMonth.range;
var timeYear = timeInterval((date) => {
  date.setMonth(0, 1);
  date.setHours(0, 0, 0, 0);
}, (date, step) => {
  date.setFullYear(date.getFullYear() + step);
}, (start, end) => {
  return end.getFullYear() - start.getFullYear();
}, (date) => {
  return date.getFullYear();
});
timeYear.every = (k) => {
  return !isFinite(k = Math.floor(k)) || !(k > 0) ? null : timeInterval((date) => {
    date.setFullYear(Math.floor(date.getFullYear() / k) * k);
    date.setMonth(0, 1);
    date.setHours(0, 0, 0, 0);
  }, (date, step) => {
    date.setFullYear(date.getFullYear() + step * k);
  });
};
var timeYears = timeYear.range;
var utcYear = timeInterval((date) => {
  date.setUTCMonth(0, 1);
  date.setUTCHours(0, 0, 0, 0);
}, (date, step) => {
  date.setUTCFullYear(date.getUTCFullYear() + step);
}, (start, end) => {
  return end.getUTCFullYear() - start.getUTCFullYear();
}, (date) => {
  return date.getUTCFullYear();
});
utcYear.every = (k) => {
  return !isFinite(k = Math.floor(k)) || !(k > 0) ? null : timeInterval((date) => {
    date.setUTCFullYear(Math.floor(date.getUTCFullYear() / k) * k);
    date.setUTCMonth(0, 1);
    date.setUTCHours(0, 0, 0, 0);
  }, (date, step) => {
    date.setUTCFullYear(date.getUTCFullYear() + step * k);
  });
};
var utcYears = utcYear.range;
function ticker(year, month, week, day, hour, minute) {
  const tickIntervals = [
    [second, 1, durationSecond],
    [second, 5, 5 * durationSecond],
    [second, 15, 15 * durationSecond],
    [second, 30, 30 * durationSecond],
    [minute, 1, durationMinute],
    [minute, 5, 5 * durationMinute],
    [minute, 15, 15 * durationMinute],
    [minute, 30, 30 * durationMinute],
    [hour, 1, durationHour],
    [hour, 3, 3 * durationHour],
    [hour, 6, 6 * durationHour],
    [hour, 12, 12 * durationHour],
    [day, 1, durationDay],
    [day, 2, 2 * durationDay],
    [week, 1, durationWeek],
    [month, 1, durationMonth],
    [month, 3, 3 * durationMonth],
    [year, 1, durationYear]
  ];
  function ticks(start, stop, count) {
    const reverse = stop < start;
    if (reverse) [start, stop] = [stop, start];
    const interval = count && typeof count.range === "function" ? count : tickInterval(start, stop, count);
    const ticks2 = interval ? interval.range(start, +stop + 1) : [];
    return reverse ? ticks2.reverse() : ticks2;
  }
  function tickInterval(start, stop, count) {
    const target = Math.abs(stop - start) / count;
    const i = bisector(([, , step2]) => step2).right(tickIntervals, target);
    if (i === tickIntervals.length) return year.every(tickStep(start / durationYear, stop / durationYear, count));
    if (i === 0) return millisecond.every(Math.max(tickStep(start, stop, count), 1));
    const [t2, step] = tickIntervals[target / tickIntervals[i - 1][2] < tickIntervals[i][2] / target ? i - 1 : i];
    return t2.every(step);
  }
  return [ticks, tickInterval];
}
var [utcTicks, utcTickInterval] = ticker(utcYear, utcMonth, utcSunday, unixDay, utcHour, utcMinute);
var [timeTicks, timeTickInterval] = ticker(timeYear, timeMonth, timeSunday, timeDay, timeHour, timeMinute);

// node_modules/d3-time-format/dist/d3-time-format.mjs
function localDate(d) {
  if (0 <= d.y && d.y < 100) {
    var date = new Date(-1, d.m, d.d, d.H, d.M, d.S, d.L);
    date.setFullYear(d.y);
    return date;
  }
  return new Date(d.y, d.m, d.d, d.H, d.M, d.S, d.L);
}
function utcDate(d) {
  if (0 <= d.y && d.y < 100) {
    var date = new Date(Date.UTC(-1, d.m, d.d, d.H, d.M, d.S, d.L));
    date.setUTCFullYear(d.y);
    return date;
  }
  return new Date(Date.UTC(d.y, d.m, d.d, d.H, d.M, d.S, d.L));
}
function newDate(y, m, d) {
  return { y, m, d, H: 0, M: 0, S: 0, L: 0 };
}
function formatLocale2(locale3) {
  var locale_dateTime = locale3.dateTime, locale_date = locale3.date, locale_time = locale3.time, locale_periods = locale3.periods, locale_weekdays = locale3.days, locale_shortWeekdays = locale3.shortDays, locale_months = locale3.months, locale_shortMonths = locale3.shortMonths;
  var periodRe = formatRe(locale_periods), periodLookup = formatLookup(locale_periods), weekdayRe = formatRe(locale_weekdays), weekdayLookup = formatLookup(locale_weekdays), shortWeekdayRe = formatRe(locale_shortWeekdays), shortWeekdayLookup = formatLookup(locale_shortWeekdays), monthRe = formatRe(locale_months), monthLookup = formatLookup(locale_months), shortMonthRe = formatRe(locale_shortMonths), shortMonthLookup = formatLookup(locale_shortMonths);
  var formats = {
    "a": formatShortWeekday,
    "A": formatWeekday,
    "b": formatShortMonth,
    "B": formatMonth,
    "c": null,
    "d": formatDayOfMonth,
    "e": formatDayOfMonth,
    "f": formatMicroseconds,
    "g": formatYearISO,
    "G": formatFullYearISO,
    "H": formatHour24,
    "I": formatHour12,
    "j": formatDayOfYear,
    "L": formatMilliseconds,
    "m": formatMonthNumber,
    "M": formatMinutes,
    "p": formatPeriod,
    "q": formatQuarter,
    "Q": formatUnixTimestamp,
    "s": formatUnixTimestampSeconds,
    "S": formatSeconds,
    "u": formatWeekdayNumberMonday,
    "U": formatWeekNumberSunday,
    "V": formatWeekNumberISO,
    "w": formatWeekdayNumberSunday,
    "W": formatWeekNumberMonday,
    "x": null,
    "X": null,
    "y": formatYear,
    "Y": formatFullYear,
    "Z": formatZone,
    "%": formatLiteralPercent
  };
  var utcFormats = {
    "a": formatUTCShortWeekday,
    "A": formatUTCWeekday,
    "b": formatUTCShortMonth,
    "B": formatUTCMonth,
    "c": null,
    "d": formatUTCDayOfMonth,
    "e": formatUTCDayOfMonth,
    "f": formatUTCMicroseconds,
    "g": formatUTCYearISO,
    "G": formatUTCFullYearISO,
    "H": formatUTCHour24,
    "I": formatUTCHour12,
    "j": formatUTCDayOfYear,
    "L": formatUTCMilliseconds,
    "m": formatUTCMonthNumber,
    "M": formatUTCMinutes,
    "p": formatUTCPeriod,
    "q": formatUTCQuarter,
    "Q": formatUnixTimestamp,
    "s": formatUnixTimestampSeconds,
    "S": formatUTCSeconds,
    "u": formatUTCWeekdayNumberMonday,
    "U": formatUTCWeekNumberSunday,
    "V": formatUTCWeekNumberISO,
    "w": formatUTCWeekdayNumberSunday,
    "W": formatUTCWeekNumberMonday,
    "x": null,
    "X": null,
    "y": formatUTCYear,
    "Y": formatUTCFullYear,
    "Z": formatUTCZone,
    "%": formatLiteralPercent
  };
  var parses = {
    "a": parseShortWeekday,
    "A": parseWeekday,
    "b": parseShortMonth,
    "B": parseMonth,
    "c": parseLocaleDateTime,
    "d": parseDayOfMonth,
    "e": parseDayOfMonth,
    "f": parseMicroseconds,
    "g": parseYear,
    "G": parseFullYear,
    "H": parseHour24,
    "I": parseHour24,
    "j": parseDayOfYear,
    "L": parseMilliseconds,
    "m": parseMonthNumber,
    "M": parseMinutes,
    "p": parsePeriod,
    "q": parseQuarter,
    "Q": parseUnixTimestamp,
    "s": parseUnixTimestampSeconds,
    "S": parseSeconds,
    "u": parseWeekdayNumberMonday,
    "U": parseWeekNumberSunday,
    "V": parseWeekNumberISO,
    "w": parseWeekdayNumberSunday,
    "W": parseWeekNumberMonday,
    "x": parseLocaleDate,
    "X": parseLocaleTime,
    "y": parseYear,
    "Y": parseFullYear,
    "Z": parseZone,
    "%": parseLiteralPercent
  };
  formats.x = newFormat(locale_date, formats);
  formats.X = newFormat(locale_time, formats);
  formats.c = newFormat(locale_dateTime, formats);
  utcFormats.x = newFormat(locale_date, utcFormats);
  utcFormats.X = newFormat(locale_time, utcFormats);
  utcFormats.c = newFormat(locale_dateTime, utcFormats);
  function newFormat(specifier, formats2) {
    return function(date) {
      var string = [], i = -1, j = 0, n = specifier.length, c, pad2, format2;
      if (!(date instanceof Date)) date = /* @__PURE__ */ new Date(+date);
      while (++i < n) {
        if (specifier.charCodeAt(i) === 37) {
          string.push(specifier.slice(j, i));
          if ((pad2 = pads[c = specifier.charAt(++i)]) != null) c = specifier.charAt(++i);
          else pad2 = c === "e" ? " " : "0";
          if (format2 = formats2[c]) c = format2(date, pad2);
          string.push(c);
          j = i + 1;
        }
      }
      string.push(specifier.slice(j, i));
      return string.join("");
    };
  }
  function newParse(specifier, Z) {
    return function(string) {
      var d = newDate(1900, void 0, 1), i = parseSpecifier(d, specifier, string += "", 0), week, day;
      if (i != string.length) return null;
      if ("Q" in d) return new Date(d.Q);
      if ("s" in d) return new Date(d.s * 1e3 + ("L" in d ? d.L : 0));
      if (Z && !("Z" in d)) d.Z = 0;
      if ("p" in d) d.H = d.H % 12 + d.p * 12;
      if (d.m === void 0) d.m = "q" in d ? d.q : 0;
      if ("V" in d) {
        if (d.V < 1 || d.V > 53) return null;
        if (!("w" in d)) d.w = 1;
        if ("Z" in d) {
          week = utcDate(newDate(d.y, 0, 1)), day = week.getUTCDay();
          week = day > 4 || day === 0 ? utcMonday.ceil(week) : utcMonday(week);
          week = utcDay.offset(week, (d.V - 1) * 7);
          d.y = week.getUTCFullYear();
          d.m = week.getUTCMonth();
          d.d = week.getUTCDate() + (d.w + 6) % 7;
        } else {
          week = localDate(newDate(d.y, 0, 1)), day = week.getDay();
          week = day > 4 || day === 0 ? timeMonday.ceil(week) : timeMonday(week);
          week = timeDay.offset(week, (d.V - 1) * 7);
          d.y = week.getFullYear();
          d.m = week.getMonth();
          d.d = week.getDate() + (d.w + 6) % 7;
        }
      } else if ("W" in d || "U" in d) {
        if (!("w" in d)) d.w = "u" in d ? d.u % 7 : "W" in d ? 1 : 0;
        day = "Z" in d ? utcDate(newDate(d.y, 0, 1)).getUTCDay() : localDate(newDate(d.y, 0, 1)).getDay();
        d.m = 0;
        d.d = "W" in d ? (d.w + 6) % 7 + d.W * 7 - (day + 5) % 7 : d.w + d.U * 7 - (day + 6) % 7;
      }
      if ("Z" in d) {
        d.H += d.Z / 100 | 0;
        d.M += d.Z % 100;
        return utcDate(d);
      }
      return localDate(d);
    };
  }
  function parseSpecifier(d, specifier, string, j) {
    var i = 0, n = specifier.length, m = string.length, c, parse;
    while (i < n) {
      if (j >= m) return -1;
      c = specifier.charCodeAt(i++);
      if (c === 37) {
        c = specifier.charAt(i++);
        parse = parses[c in pads ? specifier.charAt(i++) : c];
        if (!parse || (j = parse(d, string, j)) < 0) return -1;
      } else if (c != string.charCodeAt(j++)) {
        return -1;
      }
    }
    return j;
  }
  function parsePeriod(d, string, i) {
    var n = periodRe.exec(string.slice(i));
    return n ? (d.p = periodLookup.get(n[0].toLowerCase()), i + n[0].length) : -1;
  }
  function parseShortWeekday(d, string, i) {
    var n = shortWeekdayRe.exec(string.slice(i));
    return n ? (d.w = shortWeekdayLookup.get(n[0].toLowerCase()), i + n[0].length) : -1;
  }
  function parseWeekday(d, string, i) {
    var n = weekdayRe.exec(string.slice(i));
    return n ? (d.w = weekdayLookup.get(n[0].toLowerCase()), i + n[0].length) : -1;
  }
  function parseShortMonth(d, string, i) {
    var n = shortMonthRe.exec(string.slice(i));
    return n ? (d.m = shortMonthLookup.get(n[0].toLowerCase()), i + n[0].length) : -1;
  }
  function parseMonth(d, string, i) {
    var n = monthRe.exec(string.slice(i));
    return n ? (d.m = monthLookup.get(n[0].toLowerCase()), i + n[0].length) : -1;
  }
  function parseLocaleDateTime(d, string, i) {
    return parseSpecifier(d, locale_dateTime, string, i);
  }
  function parseLocaleDate(d, string, i) {
    return parseSpecifier(d, locale_date, string, i);
  }
  function parseLocaleTime(d, string, i) {
    return parseSpecifier(d, locale_time, string, i);
  }
  function formatShortWeekday(d) {
    return locale_shortWeekdays[d.getDay()];
  }
  function formatWeekday(d) {
    return locale_weekdays[d.getDay()];
  }
  function formatShortMonth(d) {
    return locale_shortMonths[d.getMonth()];
  }
  function formatMonth(d) {
    return locale_months[d.getMonth()];
  }
  function formatPeriod(d) {
    return locale_periods[+(d.getHours() >= 12)];
  }
  function formatQuarter(d) {
    return 1 + ~~(d.getMonth() / 3);
  }
  function formatUTCShortWeekday(d) {
    return locale_shortWeekdays[d.getUTCDay()];
  }
  function formatUTCWeekday(d) {
    return locale_weekdays[d.getUTCDay()];
  }
  function formatUTCShortMonth(d) {
    return locale_shortMonths[d.getUTCMonth()];
  }
  function formatUTCMonth(d) {
    return locale_months[d.getUTCMonth()];
  }
  function formatUTCPeriod(d) {
    return locale_periods[+(d.getUTCHours() >= 12)];
  }
  function formatUTCQuarter(d) {
    return 1 + ~~(d.getUTCMonth() / 3);
  }
  return {
    format: function(specifier) {
      var f = newFormat(specifier += "", formats);
      f.toString = function() {
        return specifier;
      };
      return f;
    },
    parse: function(specifier) {
      var p = newParse(specifier += "", false);
      p.toString = function() {
        return specifier;
      };
      return p;
    },
    utcFormat: function(specifier) {
      var f = newFormat(specifier += "", utcFormats);
      f.toString = function() {
        return specifier;
      };
      return f;
    },
    utcParse: function(specifier) {
      var p = newParse(specifier += "", true);
      p.toString = function() {
        return specifier;
      };
      return p;
    }
  };
}
var pads = { "-": "", "_": " ", "0": "0" };
var numberRe = /^\s*\d+/;
var percentRe = /^%/;
var requoteRe = /[\\^$*+?|[\]().{}]/g;
function pad(value, fill, width) {
  var sign = value < 0 ? "-" : "", string = (sign ? -value : value) + "", length = string.length;
  return sign + (length < width ? new Array(width - length + 1).join(fill) + string : string);
}
function requote(s) {
  return s.replace(requoteRe, "\\$&");
}
function formatRe(names) {
  return new RegExp("^(?:" + names.map(requote).join("|") + ")", "i");
}
function formatLookup(names) {
  return new Map(names.map((name, i) => [name.toLowerCase(), i]));
}
function parseWeekdayNumberSunday(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 1));
  return n ? (d.w = +n[0], i + n[0].length) : -1;
}
function parseWeekdayNumberMonday(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 1));
  return n ? (d.u = +n[0], i + n[0].length) : -1;
}
function parseWeekNumberSunday(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.U = +n[0], i + n[0].length) : -1;
}
function parseWeekNumberISO(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.V = +n[0], i + n[0].length) : -1;
}
function parseWeekNumberMonday(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.W = +n[0], i + n[0].length) : -1;
}
function parseFullYear(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 4));
  return n ? (d.y = +n[0], i + n[0].length) : -1;
}
function parseYear(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.y = +n[0] + (+n[0] > 68 ? 1900 : 2e3), i + n[0].length) : -1;
}
function parseZone(d, string, i) {
  var n = /^(Z)|([+-]\d\d)(?::?(\d\d))?/.exec(string.slice(i, i + 6));
  return n ? (d.Z = n[1] ? 0 : -(n[2] + (n[3] || "00")), i + n[0].length) : -1;
}
function parseQuarter(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 1));
  return n ? (d.q = n[0] * 3 - 3, i + n[0].length) : -1;
}
function parseMonthNumber(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.m = n[0] - 1, i + n[0].length) : -1;
}
function parseDayOfMonth(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.d = +n[0], i + n[0].length) : -1;
}
function parseDayOfYear(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 3));
  return n ? (d.m = 0, d.d = +n[0], i + n[0].length) : -1;
}
function parseHour24(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.H = +n[0], i + n[0].length) : -1;
}
function parseMinutes(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.M = +n[0], i + n[0].length) : -1;
}
function parseSeconds(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 2));
  return n ? (d.S = +n[0], i + n[0].length) : -1;
}
function parseMilliseconds(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 3));
  return n ? (d.L = +n[0], i + n[0].length) : -1;
}
function parseMicroseconds(d, string, i) {
  var n = numberRe.exec(string.slice(i, i + 6));
  return n ? (d.L = Math.floor(n[0] / 1e3), i + n[0].length) : -1;
}
function parseLiteralPercent(d, string, i) {
  var n = percentRe.exec(string.slice(i, i + 1));
  return n ? i + n[0].length : -1;
}
function parseUnixTimestamp(d, string, i) {
  var n = numberRe.exec(string.slice(i));
  return n ? (d.Q = +n[0], i + n[0].length) : -1;
}
function parseUnixTimestampSeconds(d, string, i) {
  var n = numberRe.exec(string.slice(i));
  return n ? (d.s = +n[0], i + n[0].length) : -1;
}
function formatDayOfMonth(d, p) {
  return pad(d.getDate(), p, 2);
}
function formatHour24(d, p) {
  return pad(d.getHours(), p, 2);
}
function formatHour12(d, p) {
  return pad(d.getHours() % 12 || 12, p, 2);
}
function formatDayOfYear(d, p) {
  return pad(1 + timeDay.count(timeYear(d), d), p, 3);
}
function formatMilliseconds(d, p) {
  return pad(d.getMilliseconds(), p, 3);
}
function formatMicroseconds(d, p) {
  return formatMilliseconds(d, p) + "000";
}
function formatMonthNumber(d, p) {
  return pad(d.getMonth() + 1, p, 2);
}
function formatMinutes(d, p) {
  return pad(d.getMinutes(), p, 2);
}
function formatSeconds(d, p) {
  return pad(d.getSeconds(), p, 2);
}
function formatWeekdayNumberMonday(d) {
  var day = d.getDay();
  return day === 0 ? 7 : day;
}
function formatWeekNumberSunday(d, p) {
  return pad(timeSunday.count(timeYear(d) - 1, d), p, 2);
}
function dISO(d) {
  var day = d.getDay();
  return day >= 4 || day === 0 ? timeThursday(d) : timeThursday.ceil(d);
}
function formatWeekNumberISO(d, p) {
  d = dISO(d);
  return pad(timeThursday.count(timeYear(d), d) + (timeYear(d).getDay() === 4), p, 2);
}
function formatWeekdayNumberSunday(d) {
  return d.getDay();
}
function formatWeekNumberMonday(d, p) {
  return pad(timeMonday.count(timeYear(d) - 1, d), p, 2);
}
function formatYear(d, p) {
  return pad(d.getFullYear() % 100, p, 2);
}
function formatYearISO(d, p) {
  d = dISO(d);
  return pad(d.getFullYear() % 100, p, 2);
}
function formatFullYear(d, p) {
  return pad(d.getFullYear() % 1e4, p, 4);
}
function formatFullYearISO(d, p) {
  var day = d.getDay();
  d = day >= 4 || day === 0 ? timeThursday(d) : timeThursday.ceil(d);
  return pad(d.getFullYear() % 1e4, p, 4);
}
function formatZone(d) {
  var z = d.getTimezoneOffset();
  return (z > 0 ? "-" : (z *= -1, "+")) + pad(z / 60 | 0, "0", 2) + pad(z % 60, "0", 2);
}
function formatUTCDayOfMonth(d, p) {
  return pad(d.getUTCDate(), p, 2);
}
function formatUTCHour24(d, p) {
  return pad(d.getUTCHours(), p, 2);
}
function formatUTCHour12(d, p) {
  return pad(d.getUTCHours() % 12 || 12, p, 2);
}
function formatUTCDayOfYear(d, p) {
  return pad(1 + utcDay.count(utcYear(d), d), p, 3);
}
function formatUTCMilliseconds(d, p) {
  return pad(d.getUTCMilliseconds(), p, 3);
}
function formatUTCMicroseconds(d, p) {
  return formatUTCMilliseconds(d, p) + "000";
}
function formatUTCMonthNumber(d, p) {
  return pad(d.getUTCMonth() + 1, p, 2);
}
function formatUTCMinutes(d, p) {
  return pad(d.getUTCMinutes(), p, 2);
}
function formatUTCSeconds(d, p) {
  return pad(d.getUTCSeconds(), p, 2);
}
function formatUTCWeekdayNumberMonday(d) {
  var dow = d.getUTCDay();
  return dow === 0 ? 7 : dow;
}
function formatUTCWeekNumberSunday(d, p) {
  return pad(utcSunday.count(utcYear(d) - 1, d), p, 2);
}
function UTCdISO(d) {
  var day = d.getUTCDay();
  return day >= 4 || day === 0 ? utcThursday(d) : utcThursday.ceil(d);
}
function formatUTCWeekNumberISO(d, p) {
  d = UTCdISO(d);
  return pad(utcThursday.count(utcYear(d), d) + (utcYear(d).getUTCDay() === 4), p, 2);
}
function formatUTCWeekdayNumberSunday(d) {
  return d.getUTCDay();
}
function formatUTCWeekNumberMonday(d, p) {
  return pad(utcMonday.count(utcYear(d) - 1, d), p, 2);
}
function formatUTCYear(d, p) {
  return pad(d.getUTCFullYear() % 100, p, 2);
}
function formatUTCYearISO(d, p) {
  d = UTCdISO(d);
  return pad(d.getUTCFullYear() % 100, p, 2);
}
function formatUTCFullYear(d, p) {
  return pad(d.getUTCFullYear() % 1e4, p, 4);
}
function formatUTCFullYearISO(d, p) {
  var day = d.getUTCDay();
  d = day >= 4 || day === 0 ? utcThursday(d) : utcThursday.ceil(d);
  return pad(d.getUTCFullYear() % 1e4, p, 4);
}
function formatUTCZone() {
  return "+0000";
}
function formatLiteralPercent() {
  return "%";
}
function formatUnixTimestamp(d) {
  return +d;
}
function formatUnixTimestampSeconds(d) {
  return Math.floor(+d / 1e3);
}
var locale2;
var timeFormat;
var timeParse;
var utcFormat;
var utcParse;
defaultLocale2({
  dateTime: "%x, %X",
  date: "%-m/%-d/%Y",
  time: "%-I:%M:%S %p",
  periods: ["AM", "PM"],
  days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
});
function defaultLocale2(definition) {
  locale2 = formatLocale2(definition);
  timeFormat = locale2.format;
  timeParse = locale2.parse;
  utcFormat = locale2.utcFormat;
  utcParse = locale2.utcParse;
  return locale2;
}
var isoSpecifier = "%Y-%m-%dT%H:%M:%S.%LZ";
function formatIsoNative(date) {
  return date.toISOString();
}
var formatIso = Date.prototype.toISOString ? formatIsoNative : utcFormat(isoSpecifier);
function parseIsoNative(string) {
  var date = new Date(string);
  return isNaN(date) ? null : date;
}
var parseIso = +/* @__PURE__ */ new Date("2000-01-01T00:00:00.000Z") ? parseIsoNative : utcParse(isoSpecifier);

// src/lib/format.ts
var DASH = "\u2014";
var threeSignificant = format(",.3~r");
var fourSignificant = format(",.4~r");
var twoDecimals = format(",.2f");
var percent = format(".1~%");
var oneDecimal = format(",.1f");
function formatNumber(value, digits = 3) {
  return Number.isFinite(value) ? format(`,.${digits}~r`)(value) : DASH;
}
var parseIso2 = utcParse("%Y-%m-%d");
var parseYearMonth = utcParse("%Y-%m");
var monthYear = utcFormat("%b %Y");
var dayMonthYear = utcFormat("%-d %b %Y");
var asPrinted = format(",.6~r");
var percentAsPrinted = format(",.2~%");

// src/lib/sortOrder.ts
var KEY_SCALE = 4294967040;
var DIGIT_BITS = 16;
var BUCKETS = 1 << DIGIT_BITS;
var SHORT_RUN = 16;
function sortOrder(values, order = new Uint32Array(values.length)) {
  const n = values.length;
  if (order.length !== n) throw new RangeError(`order has ${order.length} slots for ${n} values`);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`cannot sort NaN (index ${i})`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const scale = KEY_SCALE / (max - min);
  if (!(max > min)) return order;
  if (!Number.isFinite(scale) || scale === 0) return sortRun(order, values, 0, n);
  let keys = new Uint32Array(n);
  let nextKeys = new Uint32Array(n);
  let source = order;
  let target = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = (values[i] - min) * scale;
  const counts = new Uint32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[keys[i] >>> shift & BUCKETS - 1]++;
    let start = 0;
    for (let d = 0; d < BUCKETS; d++) {
      const count = counts[d];
      counts[d] = start;
      start += count;
    }
    for (let j = 0; j < n; j++) {
      const key = keys[j];
      const slot = counts[key >>> shift & BUCKETS - 1]++;
      target[slot] = source[j];
      nextKeys[slot] = key;
    }
    [source, target] = [target, source];
    [keys, nextKeys] = [nextKeys, keys];
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[end] === keys[start]) end++;
    if (end - start > 1) sortRun(source, values, start, end);
    start = end;
  }
  if (source !== order) order.set(source);
  return order;
}
function sortRun(order, values, start, end) {
  if (end - start > SHORT_RUN) {
    order.subarray(start, end).sort((i, j) => values[i] < values[j] ? -1 : values[i] > values[j] ? 1 : i - j);
    return order;
  }
  for (let j = start + 1; j < end; j++) {
    const index = order[j];
    const value = values[index];
    let m = j - 1;
    while (m >= start && values[order[m]] > value) {
      order[m + 1] = order[m];
      m--;
    }
    order[m + 1] = index;
  }
  return order;
}

// src/lib/exactMath.ts
var float = new Float64Array(1);
var words = new Uint32Array(float.buffer);
var HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
var LOW = 1 - HIGH;
function highWord(x) {
  float[0] = x;
  return words[HIGH] | 0;
}
function lowWord(x) {
  float[0] = x;
  return words[LOW];
}
function fromWords(high, low) {
  words[HIGH] = high;
  words[LOW] = low;
  return float[0];
}
function withHighWord(x, high) {
  float[0] = x;
  words[HIGH] = high;
  return float[0];
}
function withLowWordZero(x) {
  float[0] = x;
  words[LOW] = 0;
  return float[0];
}
function scaleByPowerOfTwo(x, n) {
  if (n > 1023) {
    x *= 898846567431158e293;
    n -= 1023;
    if (n > 1023) {
      x *= 898846567431158e293;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    x *= 2004168360008973e-307;
    n += 969;
    if (n < -1022) {
      x *= 2004168360008973e-307;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * fromWords(1023 + n << 20, 0);
}
var LN2_HI = 0.6931471803691238;
var LN2_LO = 19082149292705877e-26;
var INV_LN2 = 1.4426950408889634;
var TWO_54 = 18014398509481984;
var TWO_1023 = 898846567431158e293;
var TWO_M1000 = 9332636185032189e-317;
var EXP_OVERFLOW = 709.782712893384;
var EXP_UNDERFLOW = -745.1332191019411;
var P1 = 0.16666666666666602;
var P2 = -0.0027777777777015593;
var P3 = 6613756321437934e-20;
var P4 = -16533902205465252e-22;
var P5 = 41381367970572385e-24;
var LG1 = 0.6666666666666735;
var LG2 = 0.3999999999940942;
var LG3 = 0.2857142874366239;
var LG4 = 0.22222198432149784;
var LG5 = 0.1818357216161805;
var LG6 = 0.15313837699209373;
var LG7 = 0.14798198605116586;
function exp(x) {
  const signedHigh = highWord(x);
  const negative = signedHigh < 0;
  const high = signedHigh & 2147483647;
  if (high >= 1082535490) {
    if (high >= 2146435072) {
      if ((high & 1048575 | lowWord(x)) !== 0) return x + x;
      return negative ? 0 : x;
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  let r = x;
  if (high > 1071001154) {
    if (high < 1072734898) {
      if (x === 1) return 2.718281828459045;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = INV_LN2 * x + (negative ? -0.5 : 0.5) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (high < 1043333120) {
    return 1 + x;
  }
  const rr = r * r;
  const c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
  if (k === 0) return 1 - (r * c / (c - 2) - r);
  const y = 1 - (lo - r * c / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * fromWords(1072693248 + (k << 20), 0);
  }
  return y * fromWords(1072693248 + (k + 1e3 << 20), 0) * TWO_M1000;
}
function log(x) {
  let high = highWord(x);
  const low = lowWord(x);
  let k = 0;
  if (high < 1048576) {
    if ((high & 2147483647 | low) === 0) return -Infinity;
    if (high < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    high = highWord(x);
  }
  if (high >= 2146435072) return x + x;
  k += (high >> 20) - 1023;
  high &= 1048575;
  const half = high + 614244 & 1048576;
  const mantissa = withHighWord(x, high | half ^ 1072693248);
  k += half >> 20;
  const f = mantissa - 1;
  if ((1048575 & 2 + high) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const series = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - series;
    return k * LN2_HI - (series - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const oddTerms = w * (LG2 + w * (LG4 + w * LG6));
  const evenTerms = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = evenTerms + oddTerms;
  if ((high - 398458 | 440401 - high) > 0) {
    const halfSquare = 0.5 * f * f;
    if (k === 0) return f - (halfSquare - s * (halfSquare + R));
    return k * LN2_HI - (halfSquare - (s * (halfSquare + R) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}
var DP_H1 = 0.5849624872207642;
var DP_L1 = 1350039202129749e-23;
var TWO_53 = 9007199254740992;
var HUGE = 1e300;
var TINY = 1e-300;
var L1 = 0.5999999999999946;
var L2 = 0.4285714285785502;
var L3 = 0.33333332981837743;
var L4 = 0.272728123808534;
var L5 = 0.23066074577556175;
var L6 = 0.20697501780033842;
var LG2_FULL = 0.6931471805599453;
var LG2_H = 0.6931471824645996;
var LG2_L = -1904654299957768e-24;
var OVT = 8008566259537294e-32;
var CP = 0.9617966939259756;
var CP_H = 0.9617967009544373;
var CP_L = -7028461650952758e-24;
var IVLN2 = 1.4426950408889634;
var IVLN2_H = 1.4426950216293335;
var IVLN2_L = 19259629911266175e-24;
function pow(x, y) {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 2147483647;
  const iy = hy & 2147483647;
  if ((iy | ly) === 0) return 1;
  if (ix > 2146435072 || ix === 2146435072 && lx !== 0 || iy > 2146435072 || iy === 2146435072 && ly !== 0) {
    return x + y;
  }
  let yIsInteger = 0;
  if (hx < 0) {
    if (iy >= 1128267776) {
      yIsInteger = 2;
    } else if (iy >= 1072693248) {
      const exponent2 = (iy >> 20) - 1023;
      if (exponent2 > 20) {
        const shift = 52 - exponent2;
        const units = ly >>> shift;
        if (units << shift >>> 0 === ly) yIsInteger = 2 - (units & 1);
      } else if (ly === 0) {
        const shift = 20 - exponent2;
        const units = iy >> shift;
        if (units << shift === iy) yIsInteger = 2 - (units & 1);
      }
    }
  }
  if (ly === 0) {
    if (iy === 2146435072) {
      if ((ix - 1072693248 | lx) === 0) return y - y;
      if (ix >= 1072693248) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 1072693248) return hy < 0 ? 1 / x : x;
    if (hy === 1073741824) return x * x;
    if (hy === 1071644672 && hx >= 0) return Math.sqrt(x);
  }
  let ax = Math.abs(x);
  if (lx === 0 && (ix === 2146435072 || ix === 0 || ix === 1072693248)) {
    let z2 = ax;
    if (hy < 0) z2 = 1 / z2;
    if (hx < 0) {
      if ((ix - 1072693248 | yIsInteger) === 0) z2 = NaN;
      else if (yIsInteger === 1) z2 = -z2;
    }
    return z2;
  }
  let n = (hx >> 31) + 1;
  if ((n | yIsInteger) === 0) return NaN;
  const sign = (n | yIsInteger - 1) === 0 ? -1 : 1;
  let t12;
  let t2;
  if (iy > 1105199104) {
    if (iy > 1139802112) {
      if (ix <= 1072693247) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 1072693248) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 1072693247) return hy < 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
    if (ix > 1072693248) return hy > 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
    const t4 = ax - 1;
    const w2 = t4 * t4 * (0.5 - t4 * (0.3333333333333333 - t4 * 0.25));
    const u2 = IVLN2_H * t4;
    const v2 = t4 * IVLN2_L - w2 * IVLN2;
    t12 = withLowWordZero(u2 + v2);
    t2 = v2 - (t12 - u2);
  } else {
    n = 0;
    if (ix < 1048576) {
      ax *= TWO_53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 1023;
    const fraction = ix & 1048575;
    ix = fraction | 1072693248;
    let k2;
    if (fraction <= 235662) {
      k2 = 0;
    } else if (fraction < 767610) {
      k2 = 1;
    } else {
      k2 = 0;
      n += 1;
      ix -= 1048576;
    }
    ax = withHighWord(ax, ix);
    const bp = k2 === 0 ? 1 : 1.5;
    const dpH = k2 === 0 ? 0 : DP_H1;
    const dpL = k2 === 0 ? 0 : DP_L1;
    let u2 = ax - bp;
    let v2 = 1 / (ax + bp);
    const ss = u2 * v2;
    const sH = withLowWordZero(ss);
    let tH = fromWords((ix >> 1 | 536870912) + 524288 + (k2 << 18), 0);
    const tL = ax - (tH - bp);
    const sL = v2 * (u2 - sH * tH - sH * tL);
    let s2 = ss * ss;
    let r2 = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r2 += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWordZero(3 + s2 + r2);
    const tL2 = r2 - (tH - 3 - s2);
    u2 = sH * tH;
    v2 = sL * tH + tL2 * ss;
    const pH2 = withLowWordZero(u2 + v2);
    const pL2 = v2 - (pH2 - u2);
    const zH = CP_H * pH2;
    const zL = CP_L * pH2 + pL2 * CP + dpL;
    t12 = withLowWordZero(zH + zL + dpH + n);
    t2 = zL - (t12 - n - dpH - zH);
  }
  const y1 = withLowWordZero(y);
  let pL = (y - y1) * t12 + y * t2;
  let pH = y1 * t12;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 1083179008) {
    if ((j - 1083179008 | i) !== 0) return sign * HUGE * HUGE;
    if (pL + OVT > z - pH) return sign * HUGE * HUGE;
  } else if ((j & 2147483647) >= 1083231232) {
    if ((j - 3230714880 | i) !== 0) return sign * TINY * TINY;
    if (pL <= z - pH) return sign * TINY * TINY;
  }
  const iz = j & 2147483647;
  let k = (iz >> 20) - 1023;
  n = 0;
  if (iz > 1071644672) {
    n = j + (1048576 >> k + 1) | 0;
    k = ((n & 2147483647) >> 20) - 1023;
    const integerPart = fromWords(n & ~(1048575 >> k), 0);
    n = (n & 1048575 | 1048576) >> 20 - k;
    if (j < 0) n = -n;
    pH -= integerPart;
  }
  let t3 = withLowWordZero(pL + pH);
  const u = t3 * LG2_H;
  const v = (pL - (t3 - pH)) * LG2_FULL + t3 * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t3 = z * z;
  t12 = z - t3 * (P1 + t3 * (P2 + t3 * (P3 + t3 * (P4 + t3 * P5))));
  const r = z * t12 / (t12 - 2 - (w + z * w));
  z = 1 - (r - z);
  j = highWord(z) + (n << 20) | 0;
  z = j >> 20 <= 0 ? scaleByPowerOfTwo(z, n) : withHighWord(z, j);
  return sign * z;
}
function log1p(x) {
  const high = highWord(x);
  const absHigh = high & 2147483647;
  let k = 1;
  let f = 0;
  let correction = 0;
  let fractionHigh = 0;
  if (high < 1071284858) {
    if (absHigh >= 1072693248) return x === -1 ? -Infinity : NaN;
    if (absHigh < 1042284544) {
      if (absHigh < 1016070144) return x;
      return x - x * x * 0.5;
    }
    if (high > 0 || high <= (3218259652 | 0)) {
      k = 0;
      f = x;
      fractionHigh = 1;
    }
  }
  if (high >= 2146435072) return x + x;
  if (k !== 0) {
    let u;
    if (high < 1128267776) {
      u = 1 + x;
      fractionHigh = highWord(u);
      k = (fractionHigh >> 20) - 1023;
      correction = k > 0 ? 1 - (u - x) : x - (u - 1);
      correction /= u;
    } else {
      u = x;
      fractionHigh = highWord(u);
      k = (fractionHigh >> 20) - 1023;
      correction = 0;
    }
    fractionHigh &= 1048575;
    if (fractionHigh < 434334) {
      u = withHighWord(u, fractionHigh | 1072693248);
    } else {
      k += 1;
      u = withHighWord(u, fractionHigh | 1071644672);
      fractionHigh = 1048576 - fractionHigh >> 2;
    }
    f = u - 1;
  }
  const halfSquare = 0.5 * f * f;
  if (fractionHigh === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      correction += k * LN2_LO;
      return k * LN2_HI + correction;
    }
    const series = halfSquare * (1 - 0.6666666666666666 * f);
    if (k === 0) return f - series;
    return k * LN2_HI - (series - (k * LN2_LO + correction) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (halfSquare - s * (halfSquare + R));
  return k * LN2_HI - (halfSquare - (s * (halfSquare + R) + (k * LN2_LO + correction)) - f);
}

// src/lib/normal.ts
function normalCdf(x) {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x);
  let tail;
  if (z > 37) {
    tail = 0;
  } else {
    const e = exp(-z * z / 2);
    if (z < 7.07106781186547) {
      let n = 0.0352624965998911 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 0.0883883476483184 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = e * n / d;
    } else {
      let f = z + 0.65;
      f = z + 4 / f;
      f = z + 3 / f;
      f = z + 2 / f;
      f = z + 1 / f;
      tail = e / f / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
var Z_95 = 1.6448536269514722;
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r2 = 0.180625 - q * q;
    return q * (((((((2509.0809287301227 * r2 + 33430.57558358813) * r2 + 67265.7709270087) * r2 + 45921.95393154987) * r2 + 13731.69376550946) * r2 + 1971.5909503065513) * r2 + 133.14166789178438) * r2 + 3.3871328727963665) / (((((((5226.495278852854 * r2 + 28729.085735721943) * r2 + 39307.89580009271) * r2 + 21213.794301586597) * r2 + 5394.196021424751) * r2 + 687.1870074920579) * r2 + 42.31333070160091) * r2 + 1);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-log(tail));
  let z;
  if (r <= 5) {
    r -= 1.6;
    z = (((((((7745450142783414e-19 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835) / (((((((10507500716444169e-25 * r + 5475938084995345e-19) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1);
  } else {
    r -= 5;
    z = (((((((20103343992922881e-23 * r + 27115555687434876e-21) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103) / (((((((20442631033899397e-31 * r + 1421511758316446e-22) * r + 18463183175100548e-21) * r + 7868691311456133e-19) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1);
  }
  return q < 0 ? -z : z;
}

// src/lib/correlation.ts
var PSD_TOLERANCE = 1e-10;
var ENTRY_TOLERANCE = 1e-12;
function choleskyFactor(matrix, shift = 0, minimumPivot = 0) {
  const k = matrix.length;
  const factor = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let pivot = matrix[j][j] + shift;
    for (let m = 0; m < j; m++) pivot -= factor[j * k + m] * factor[j * k + m];
    if (!(pivot > minimumPivot)) return { factor: null, failedRow: j };
    const diagonal = Math.sqrt(pivot);
    factor[j * k + j] = diagonal;
    for (let i = j + 1; i < k; i++) {
      let residual = matrix[i][j];
      for (let m = 0; m < j; m++) residual -= factor[i * k + m] * factor[j * k + m];
      factor[i * k + j] = residual / diagonal;
    }
  }
  return { factor, failedRow: null };
}
function symmetricEigen(matrix) {
  const k = matrix.length;
  const a = new Float64Array(k * k);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) a[i * k + j] = matrix[i][j];
    v[i * k + i] = 1;
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    let total = 0;
    for (let i = 0; i < k * k; i++) total += a[i] * a[i];
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) offDiagonal += 2 * a[p * k + q] * a[p * k + q];
    if (offDiagonal <= 1e-30 * total) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (apq === 0) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t2 = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t2 * t2 + 1);
        const s = t2 * c;
        for (let m = 0; m < k; m++) {
          const amp = a[m * k + p];
          const amq = a[m * k + q];
          a[m * k + p] = c * amp - s * amq;
          a[m * k + q] = s * amp + c * amq;
        }
        for (let m = 0; m < k; m++) {
          const apm = a[p * k + m];
          const aqm = a[q * k + m];
          a[p * k + m] = c * apm - s * aqm;
          a[q * k + m] = s * apm + c * aqm;
        }
        for (let m = 0; m < k; m++) {
          const vmp = v[m * k + p];
          const vmq = v[m * k + q];
          v[m * k + p] = c * vmp - s * vmq;
          v[m * k + q] = s * vmp + c * vmq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return { values, vectors: v };
}
function correlationProblem(matrix, names) {
  const k = matrix.length;
  const name = (i) => names?.[i] ?? `input ${i + 1}`;
  const entry = (i, j) => `(${name(i)}, ${name(j)})`;
  const show = (x) => formatNumber(x, 6);
  for (let i = 0; i < k; i++) {
    if (matrix[i].length !== k) return `the correlation matrix must be square: row ${i + 1} has ${matrix[i].length} entries for ${k} inputs`;
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = matrix[i][j];
      if (typeof x !== "number" || !Number.isFinite(x)) return `the correlation ${entry(i, j)} is not a number`;
      if (x < -1 || x > 1) return `the correlation ${entry(i, j)} is ${show(x)}, outside [\u22121, 1]`;
    }
    if (Math.abs(matrix[i][i] - 1) > ENTRY_TOLERANCE) return `an input's correlation with itself must be 1, but ${entry(i, i)} is ${show(matrix[i][i])}`;
    for (let j = 0; j < i; j++) {
      const upper = matrix[j][i];
      const lower = matrix[i][j];
      if (Math.abs(upper - lower) > ENTRY_TOLERANCE) return `the correlations are not symmetric: ${entry(j, i)} is ${show(upper)} but ${entry(i, j)} is ${show(lower)}`;
    }
  }
  const { failedRow } = choleskyFactor(matrix, PSD_TOLERANCE);
  if (failedRow !== null) {
    const smallest = Math.min(...symmetricEigen(matrix).values);
    const earlier = Array.from({ length: failedRow }, (_, j) => `${name(j)} (${show(matrix[failedRow][j])})`).join(", ");
    return `the correlations are not positive semi-definite (smallest eigenvalue ${formatNumber(smallest, 3)}): ${name(failedRow)}'s correlations with ${earlier} cannot all hold at once`;
  }
  return null;
}
function nearestCorrelation(matrix, options = {}) {
  const { tolerance = 1e-12, maxIterations = 1e4 } = options;
  const k = matrix.length;
  if (matrix.some((row) => row.length !== k || !Array.from(row).every(Number.isFinite))) throw new RangeError("nearestCorrelation needs a square matrix of finite numbers");
  const original = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_2, j) => i === j ? 1 : (matrix[i][j] + matrix[j][i]) / 2));
  if (correlationProblem(original) === null) return { matrix: original, largestChange: largestDifference(original, matrix), iterations: 0 };
  let y = original.map((row) => row.slice());
  let x = y;
  const correction = original.map((row) => row.map(() => 0));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const r = y.map((row, i) => row.map((value, j) => value - correction[i][j]));
    x = projectPsd(r);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) correction[i][j] = x[i][j] - r[i][j];
    const next = x.map((row, i) => row.map((value, j) => i === j ? 1 : value));
    const change = frobenius(next.map((row, i) => row.map((value, j) => value - y[i][j])));
    y = next;
    if (change <= tolerance * Math.max(1, frobenius(y))) break;
  }
  const scale = x.map((row, i) => 1 / Math.sqrt(Math.max(row[i], 1e-300)));
  const repaired = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_2, j) => i === j ? 1 : 0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const value = Math.min(1, Math.max(-1, x[i][j] * scale[i] * scale[j]));
      repaired[i][j] = value;
      repaired[j][i] = value;
    }
  }
  return { matrix: repaired, largestChange: largestDifference(repaired, matrix), iterations: iterations + 1 };
}
function projectPsd(matrix) {
  const k = matrix.length;
  const { values, vectors } = symmetricEigen(matrix);
  const out = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let m = 0; m < k; m++) if (values[m] > 0) sum += vectors[i * k + m] * values[m] * vectors[j * k + m];
      out[i][j] = sum;
      out[j][i] = sum;
    }
  }
  return out;
}
function frobenius(matrix) {
  let sum = 0;
  for (const row of matrix) for (const value of row) sum += value * value;
  return Math.sqrt(sum);
}
function largestDifference(a, b) {
  let largest = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) largest = Math.max(largest, Math.abs(a[i][j] - b[i][j]));
  return largest;
}
function sinSmall(x) {
  let term = x;
  let sum = x;
  for (let n = 1; n <= 10; n++) {
    term *= -x * x / (2 * n * (2 * n + 1));
    sum += term;
  }
  return sum;
}
function pearsonForSpearman(spearman) {
  return 2 * sinSmall(Math.PI * spearman / 6);
}
function imanConover(columns, rankCorrelations) {
  const k = columns.length;
  if (k === 0) return;
  const n = columns[0].length;
  if (rankCorrelations.length !== k) throw new RangeError(`${k} columns but a ${rankCorrelations.length}\xD7${rankCorrelations.length} correlation matrix`);
  for (const column of columns) if (column.length !== n) throw new RangeError(`columns must have the same length (${n} paths), not ${column.length}`);
  const problem = correlationProblem(rankCorrelations);
  if (problem) throw new RangeError(problem);
  if (n < 2 || k < 2) return;
  let aim = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_2, j) => i === j ? 1 : pearsonForSpearman(rankCorrelations[i][j])));
  if (correlationProblem(aim) !== null) aim = nearestCorrelation(aim).matrix;
  const shifted = choleskyFactor(aim, PSD_TOLERANCE).factor ?? choleskyFactor(rankCorrelations, PSD_TOLERANCE).factor;
  const target = shifted.map((x) => x / Math.sqrt(1 + PSD_TOLERANCE));
  const scores = new Float64Array(n);
  for (let j = 0; j < n; j++) scores[j] = normalQuantile((j + 1) / (n + 1));
  const order = new Uint32Array(n);
  const sorted = columns.map(() => new Float64Array(n));
  const scored = columns.map((column, c) => {
    sortOrder(column, order);
    const s = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[order[j]] = scores[j];
      sorted[c][j] = column[order[j]];
    }
    return s;
  });
  const chance = choleskyFactor(scoreCorrelations(scored, scores), 0, PSD_TOLERANCE).factor;
  if (!chance) {
    throw new RangeError("two or more columns are perfectly rank-correlated already (drawn from the same random numbers?): Iman\u2013Conover needs independent columns");
  }
  const transform = multiplyLower(target, invertLower(chance, k), k);
  for (let c = k - 1; c >= 1; c--) {
    const out = scored[c];
    const diagonal = transform[c * k + c];
    for (let i = 0; i < n; i++) out[i] = diagonal * out[i];
    for (let j = 0; j < c; j++) {
      const weight = transform[c * k + j];
      const column = scored[j];
      for (let i = 0; i < n; i++) out[i] = out[i] + weight * column[i];
    }
  }
  for (let c = 1; c < k; c++) {
    sortOrder(scored[c], order);
    const values = sorted[c];
    const column = columns[c];
    for (let j = 0; j < n; j++) column[order[j]] = values[j];
  }
}
function scoreCorrelations(columns, scores) {
  const k = columns.length;
  const n = scores.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += scores[i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (scores[i] - mean) * (scores[i] - mean);
  const out = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_2, j) => i === j ? 1 : 0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) {
      const x = columns[a];
      const y = columns[b];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (x[i] - mean) * (y[i] - mean);
      out[a][b] = out[b][a] = sum / variance;
    }
  }
  return out;
}
function invertLower(lower, k) {
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    inverse[i * k + i] = 1 / lower[i * k + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum += lower[i * k + m] * inverse[m * k + j];
      inverse[i * k + j] = -sum / lower[i * k + i];
    }
  }
  return inverse;
}
function multiplyLower(a, b, k) {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let m = j; m <= i; m++) sum += a[i * k + m] * b[m * k + j];
      out[i * k + j] = sum;
    }
  }
  return out;
}

// src/lib/incompleteBeta.ts
var LANCZOS_G = 7;
var LANCZOS = [0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9984369578019572e-21, 15056327351493116e-23];
var HALF_LN_TWO_PI = 0.9189385332046728;
function logGamma(x) {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return logGamma(x + 1) - log(x);
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t2 = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * log(t2) - t2 + log(series);
}
function logBeta(a, b) {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  const epsilon = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= epsilon) break;
  }
  return h;
}
function regularizedBeta(x, a, b, lnB = logBeta(a, b)) {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(x, a, b) / a;
  return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
}
function betaDensity(x, a, b, lnB = logBeta(a, b)) {
  if (!(x > 0 && x < 1)) return 0;
  return exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnB);
}
function initialGuess(p, a, b) {
  if (a >= 1 && b >= 1) {
    const z = -normalQuantile(p);
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w2 = z * Math.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * exp(2 * w2));
  }
  const lna = log(a / (a + b));
  const lnb = log(b / (a + b));
  const t2 = exp(a * lna) / a;
  const u = exp(b * lnb) / b;
  const w = t2 + u;
  return p < t2 / w ? exp(log(a * w * p) / a) : 1 - exp(log(b * w * (1 - p)) / b);
}
function inverseRegularizedBeta(p, a, b, lnB = logBeta(a, b), guess = Number.NaN) {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = guess > 0 && guess < 1 ? guess : initialGuess(p, a, b);
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let i = 0; i < 100; i++) {
    const error = regularizedBeta(x, a, b, lnB) - p;
    if (error === 0) return x;
    if (error < 0) lo = x;
    else hi = x;
    const density = betaDensity(x, a, b, lnB);
    let next = Number.NaN;
    if (density > 0) {
      const newton = error / density;
      const curvature = (a - 1) / x - (b - 1) / (1 - x);
      const halley = newton / (1 - 0.5 * Math.min(1, newton * curvature));
      next = x - halley;
      if (next > lo && next < hi && Math.abs(halley) <= 1e-7 * Math.min(x, 1 - x)) return next;
    }
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (next === x || hi - lo <= 4e-16 * hi) return next;
    x = next;
  }
  return x;
}
function halfTable(a, b, lnB, intervals) {
  const step = pow(0.5, 1 / a) / intervals;
  const nodes = new Float64Array(intervals + 1);
  const slopes = new Float64Array(intervals + 1);
  slopes[0] = exp((log(a) + lnB) / a);
  for (let i = 1; i <= intervals; i++) {
    const y = i * step;
    const p = pow(y, a);
    const x = inverseRegularizedBeta(p, a, b, lnB, nodes[i - 1] + slopes[i - 1] * step);
    nodes[i] = x;
    slopes[i] = a * p / (y * betaDensity(x, a, b, lnB));
  }
  const cubics = new Float64Array(4 * intervals);
  for (let i = 0; i < intervals; i++) {
    const x0 = nodes[i];
    const x1 = nodes[i + 1];
    const m0 = slopes[i] * step;
    const m1 = slopes[i + 1] * step;
    cubics[4 * i] = x0;
    cubics[4 * i + 1] = m0;
    cubics[4 * i + 2] = 3 * (x1 - x0) - 2 * m0 - m1;
    cubics[4 * i + 3] = 2 * (x0 - x1) + m0 + m1;
  }
  return { inverseA: 1 / a, perUnitY: 1 / step, cubics };
}
function halfQuantile(table, p) {
  const y = table.inverseA === 1 ? p : exp(log(p) * table.inverseA);
  const scaled = y * table.perUnitY;
  const last = (table.cubics.length >> 2) - 1;
  const i = scaled < last ? Math.floor(scaled) : last;
  const t2 = scaled - i;
  const c = table.cubics;
  const k = 4 * i;
  return c[k] + t2 * (c[k + 1] + t2 * (c[k + 2] + t2 * c[k + 3]));
}
function betaQuantileTable(a, b, intervals = 512) {
  const lnB = logBeta(a, b);
  return { a, b, lnB, lower: halfTable(a, b, lnB, intervals), upper: halfTable(b, a, lnB, intervals) };
}
function betaQuantile(table, p) {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  return p <= 0.5 ? halfQuantile(table.lower, p) : 1 - halfQuantile(table.upper, 1 - p);
}

// src/lib/distributions.ts
var DISTRIBUTIONS = ["uniform", "triangular", "pert", "normal", "lognormal"];
var DISTRIBUTION_PARAMETERS = {
  uniform: ["low", "high"],
  triangular: ["low", "mode", "high"],
  pert: ["low", "mode", "high"],
  normal: ["low", "high"],
  lognormal: ["low", "high"]
};
var PERT_LAMBDA = 4;
var BELOW_ONE = 0.9999999999999999;
var listed = (names) => names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
function validateDistribution(spec, limits = {}, describe = (x) => formatNumber(x, 6)) {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return `a range must be an object such as {"distribution": "uniform", "low": 20, "high": 40}`;
  const record = spec;
  const name = record.distribution;
  if (typeof name !== "string" || !DISTRIBUTIONS.includes(name)) {
    return `unknown distribution ${JSON.stringify(name ?? null)}: use ${DISTRIBUTIONS.slice(0, -1).join(", ")} or ${DISTRIBUTIONS.at(-1)}`;
  }
  const keys = DISTRIBUTION_PARAMETERS[name];
  for (const key of Object.keys(record)) {
    if (key !== "distribution" && !keys.includes(key)) return `${name} takes ${listed(keys)}, not "${key}"`;
  }
  for (const key of keys) {
    const value = record[key];
    if (value === void 0) return `${name} needs ${listed(keys)}; "${key}" is missing`;
    if (typeof value !== "number" || !Number.isFinite(value)) return `${key} must be a finite number (got ${JSON.stringify(value) ?? String(value)})`;
  }
  const low = record.low;
  const high = record.high;
  if (low > high) return `low (${describe(low)}) is above high (${describe(high)})`;
  if (keys.includes("mode")) {
    const mode = record.mode;
    if (mode < low || mode > high) return `mode (${describe(mode)}) is outside [low, high] = [${describe(low)}, ${describe(high)}]`;
  }
  if (name === "lognormal" && low <= 0) return `lognormal needs low > 0 (got low = ${describe(low)})`;
  const { min = -Infinity, max = Infinity } = limits;
  if (high < min || low > max) return `the range [${describe(low)}, ${describe(high)}] lies outside the field's limits [${describe(min)}, ${describe(max)}]`;
  return null;
}
function distribution(spec, limits = {}) {
  const problem = validateDistribution(spec, limits);
  if (problem) throw new RangeError(problem);
  const min = limits.min ?? -Infinity;
  const max = limits.max ?? Infinity;
  let shape1 = Number.NaN;
  let shape2 = Number.NaN;
  let beta = null;
  switch (spec.distribution) {
    case "pert": {
      const width = spec.high - spec.low;
      shape1 = width > 0 ? 1 + PERT_LAMBDA * (spec.mode - spec.low) / width : 1;
      shape2 = width > 0 ? 1 + PERT_LAMBDA * (spec.high - spec.mode) / width : 1;
      beta = betaQuantileTable(shape1, shape2);
      break;
    }
    case "normal":
      shape1 = (spec.low + spec.high) / 2;
      shape2 = (spec.high - spec.low) / (2 * Z_95);
      break;
    case "lognormal": {
      const lnLow = log(spec.low);
      const lnHigh = log(spec.high);
      shape1 = (lnLow + lnHigh) / 2;
      shape2 = (lnHigh - lnLow) / (2 * Z_95);
      break;
    }
  }
  const partial = { spec, min, max, cdfAtMin: 0, cdfAtMax: 1, shape1, shape2, beta };
  return { ...partial, cdfAtMin: untruncatedCdf(partial, min), cdfAtMax: untruncatedCdf(partial, max) };
}
function quantile(dist, p) {
  let u = dist.cdfAtMin + p * (dist.cdfAtMax - dist.cdfAtMin);
  if (u > BELOW_ONE) u = BELOW_ONE;
  const x = untruncatedQuantile(dist, u);
  return x < dist.min ? dist.min : x > dist.max ? dist.max : x;
}
function quantiles(dist, ps, out = new Float64Array(ps.length)) {
  for (let i = 0; i < ps.length; i++) out[i] = quantile(dist, ps[i]);
  return out;
}
function untruncatedQuantile(d, u) {
  const s = d.spec;
  switch (s.distribution) {
    case "uniform":
      return s.low + (s.high - s.low) * u;
    case "triangular": {
      const width = s.high - s.low;
      return u * width < s.mode - s.low ? s.low + Math.sqrt(u * width * (s.mode - s.low)) : s.high - Math.sqrt((1 - u) * width * (s.high - s.mode));
    }
    case "pert":
      return s.low + (s.high - s.low) * betaQuantile(d.beta, u);
    case "normal":
      return d.shape2 > 0 ? d.shape1 + d.shape2 * normalQuantile(u) : d.shape1;
    case "lognormal":
      return exp(d.shape2 > 0 ? d.shape1 + d.shape2 * normalQuantile(u) : d.shape1);
  }
}
function untruncatedCdf(d, x) {
  const s = d.spec;
  switch (s.distribution) {
    case "uniform":
      return x < s.low ? 0 : x >= s.high ? 1 : (x - s.low) / (s.high - s.low);
    case "triangular": {
      if (x <= s.low) return x < s.low ? 0 : s.low === s.high ? 1 : 0;
      if (x >= s.high) return 1;
      const width = s.high - s.low;
      return x < s.mode ? (x - s.low) * (x - s.low) / (width * (s.mode - s.low)) : 1 - (s.high - x) * (s.high - x) / (width * (s.high - s.mode));
    }
    case "pert":
      if (x < s.low) return 0;
      if (x >= s.high) return 1;
      return regularizedBeta((x - s.low) / (s.high - s.low), d.shape1, d.shape2, d.beta.lnB);
    case "normal":
      if (!(d.shape2 > 0)) return x < d.shape1 ? 0 : 1;
      return x === -Infinity ? 0 : x === Infinity ? 1 : normalCdf((x - d.shape1) / d.shape2);
    case "lognormal":
      if (x <= 0) return 0;
      if (!(d.shape2 > 0)) return x < exp(d.shape1) ? 0 : 1;
      return x === Infinity ? 1 : normalCdf((log(x) - d.shape1) / d.shape2);
  }
}

// src/lib/fields.ts
var FIRMS = ["zhipu", "minimax"];
var FIRM_CURRENCY = { zhipu: "RMB", minimax: "USD" };
var perFirm = (zhipu, minimax) => ({ zhipu, minimax });
var FIRM_FIELD_DECLARATIONS = {
  baselineDate: { kind: "date", label: "Baseline date", unit: "date", section: "start", changesProjection: true, help: "End of the latest reported period; month 0 of the projection." },
  cashNow: { kind: "number", label: "Cash now", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 8e3], [0, 3e3]), section: "start", changesProjection: true, help: "Cash and liquid investments at the baseline date, excluding undrawn facilities." },
  undrawnFacilities: { kind: "number", label: "Undrawn bank facilities", unit: "money", min: 0, max: 1e4, plausible: perFirm([0, 2e3], [0, 200]), section: "start", changesProjection: true, help: "Committed credit lines not yet drawn." },
  includeUndrawnFacilities: { kind: "boolean", label: "Count undrawn facilities as cash", unit: "boolean", section: "start", changesProjection: true, help: "Whether the runway may draw on the undrawn facilities." },
  burnNow: { kind: "number", label: "Monthly cash burn now", unit: "moneyPerMonth", min: 0, max: 1e4, plausible: perFirm([0, 800], [0, 80]), section: "start", changesProjection: true, headline: true, help: "Operating cash outflow per month at the baseline date (gross profit minus cash costs, sign flipped)." },
  revenueRunRate: { kind: "number", label: "Revenue run-rate", unit: "moneyPerYear", min: 0, max: 1e5, plausible: perFirm([0, 2e3], [0, 400]), section: "start", changesProjection: true, help: "Annualised revenue at the baseline date; month-0 revenue is one twelfth of it." },
  growthStart: { kind: "number", label: "Revenue growth now", unit: "fractionPerYear", min: -0.9, max: 20, plausible: [-0.5, 6], section: "growth", changesProjection: true, headline: true, help: "Annual revenue growth rate at the start of the projection." },
  growthLongRun: { kind: "number", label: "Long-run revenue growth", unit: "fractionPerYear", min: -0.5, max: 1, plausible: [0, 0.15], section: "growth", changesProjection: true, help: "Annual growth that revenue growth and cash-cost growth both fade to: the mature firm's steady state." },
  growthFadeYears: { kind: "number", label: "Growth fade period", unit: "years", min: 0, max: 30, plausible: [1, 15], section: "growth", changesProjection: true, help: "Years over which revenue growth and cash-cost growth fade linearly from now to the long-run rate." },
  grossMarginNow: { kind: "number", label: "Gross margin now", unit: "fraction", min: -1, max: 1, plausible: [0, 0.8], section: "margin", changesProjection: true, help: "Gross profit as a share of revenue at the baseline date." },
  grossMarginTarget: { kind: "number", label: "Target gross margin", unit: "fraction", min: -1, max: 1, plausible: [0.2, 0.8], section: "margin", changesProjection: true, headline: true, help: "Gross margin reached after the margin period." },
  marginYears: { kind: "number", label: "Years to target margin", unit: "years", min: 0, max: 30, plausible: [0, 10], section: "margin", changesProjection: true, help: "Years over which the gross margin moves linearly to its target." },
  opexGrowth: { kind: "number", label: "Cash cost growth now", unit: "fractionPerYear", min: -0.9, max: 5, plausible: [-0.5, 0.6], section: "costs", changesProjection: true, headline: true, help: "Annual growth of cash operating costs (R&D, compute, selling, admin) today; it fades to the long-run revenue growth over the growth fade period, so that a mature firm's costs grow with its revenue." },
  ipoDate: { kind: "date", label: "IPO date", unit: "date", section: "financing", changesProjection: true, help: "Listing date; net proceeds arrive in that month (counted in cash already if before the baseline)." },
  ipoNetProceeds: { kind: "number", label: "IPO net proceeds", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 1e4], [0, 2e3]), section: "financing", changesProjection: true, help: "Money raised in the IPO after fees." },
  laterRaise: { kind: "number", label: "Later raise", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 1e4], [0, 2e3]), section: "financing", changesProjection: true, help: "Any further equity or debt raised after the IPO (0 for none)." },
  laterRaiseDate: { kind: "date", label: "Later raise date", unit: "date", section: "financing", changesProjection: true, help: "Month the later raise arrives." },
  breakEvenTargetYear: { kind: "integer", label: "Break-even target year", unit: "year", min: 2025, max: 2040, plausible: [2025, 2035], section: "target", changesProjection: false, headline: true, help: "Calendar year by which the firm says it breaks even." },
  sharesOutstanding: { kind: "number", label: "Shares outstanding", unit: "millionShares", min: 1e-3, max: 1e5, plausible: perFirm([100, 1e3], [100, 800]), section: "market", changesProjection: false, help: "Shares after the IPO, in millions." },
  price: { kind: "number", label: "Share price", unit: "hkdPerShare", min: 0.01, max: 1e5, plausible: perFirm([20, 400], [50, 1e3]), section: "market", changesProjection: false, help: "Market price per share, HKD." },
  trailingRevenue: { kind: "number", label: "Trailing revenue (last full year)", unit: "moneyPerYear", min: 0, max: 1e5, plausible: perFirm([0, 1e3], [0, 200]), section: "market", changesProjection: false, help: "Revenue of the last reported full year, for the trailing EV / revenue multiple." },
  riskFreeRate: { kind: "number", label: "Risk-free rate", unit: "fractionPerYear", min: 0, max: 0.15, plausible: [0, 0.08], section: "capital", changesProjection: false, help: "Long-term government bond yield in the firm's currency; caps terminal growth and prices the options." },
  costOfCapital: { kind: "number", label: "Cost of capital, years 1\u20135", unit: "fractionPerYear", min: 0, max: 0.4, plausible: [0.06, 0.2], section: "capital", changesProjection: false, help: "Discount rate while the firm is young; fades to the terminal rate over years 6\u201310." },
  terminalCostOfCapital: { kind: "number", label: "Cost of capital after year 10", unit: "fractionPerYear", min: 0.01, max: 0.3, plausible: [0.05, 0.12], section: "capital", changesProjection: false, help: "Discount rate of the mature firm." },
  terminalGrowth: { kind: "number", label: "Growth after year 10", unit: "fractionPerYear", min: -0.05, max: 0.1, plausible: [0, 0.05], section: "capital", changesProjection: false, help: "Perpetual growth of the mature firm; should not exceed the risk-free rate." },
  terminalReturnOnCapital: { kind: "number", label: "Return on capital after year 10", unit: "fractionPerYear", min: 0.01, max: 1, plausible: [0.05, 0.3], section: "capital", changesProjection: false, help: "Sets terminal reinvestment = growth \xF7 return on capital; equal to the cost of capital means growth adds no value." },
  salesToCapital1to5: { kind: "number", label: "Sales-to-capital, years 1\u20135", unit: "ratio", min: 0.1, max: 10, plausible: [0.5, 4], section: "reinvestment", changesProjection: false, help: "Revenue added per unit of capital invested: reinvestment = \u0394revenue \xF7 this." },
  salesToCapital6to10: { kind: "number", label: "Sales-to-capital, years 6\u201310", unit: "ratio", min: 0.1, max: 10, plausible: [0.5, 4], section: "reinvestment", changesProjection: false, help: "As above, for years 6\u201310." },
  reinvestmentLag: { kind: "integer", label: "Reinvestment lag", unit: "years", min: 0, max: 1, plausible: [0, 1], section: "reinvestment", changesProjection: false, help: "1: capital is invested a year before the revenue it brings; 0: in the same year." },
  effectiveTaxRate: { kind: "number", label: "Effective tax rate", unit: "fraction", min: 0, max: 0.6, plausible: [0, 0.3], section: "taxes", changesProjection: false, help: "Tax rate in years 1\u20135, once losses carried forward are used up." },
  marginalTaxRate: { kind: "number", label: "Marginal tax rate", unit: "fraction", min: 0, max: 0.6, plausible: [0.15, 0.3], section: "taxes", changesProjection: false, help: "Statutory rate, reached over years 6\u201310 and applied in perpetuity." },
  nolCarriedForward: { kind: "number", label: "Losses carried forward", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 2e4], [0, 5e3]), section: "taxes", changesProjection: false, help: "Past operating losses that shelter future income from tax." },
  probabilityOfFailure: { kind: "number", label: "Probability of failure", unit: "fraction", min: 0, max: 1, plausible: [0, 0.5], section: "failure", changesProjection: false, help: "Chance the firm does not survive to become the going concern the DCF values." },
  distressProceeds: { kind: "number", label: "Proceeds if it fails", unit: "fraction", min: 0, max: 1, plausible: [0, 1], section: "failure", changesProjection: false, help: "Share of the basis (book capital or DCF value) recovered in a failure." },
  distressBasis: { kind: "enum", values: ["value", "book"], label: "Failure proceeds are a share of", unit: "choice", section: "failure", changesProjection: false, help: "value: of the DCF value of operating assets; book: of book capital." },
  bookCapital: { kind: "number", label: "Book capital", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 1e4], [0, 3e3]), section: "failure", changesProjection: false, help: "Book value of debt plus equity invested in operations (used when proceeds are a share of book)." },
  debt: { kind: "number", label: "Debt", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 5e3], [0, 1e3]), section: "claims", changesProjection: false, help: "Interest-bearing borrowings (and lease liabilities)." },
  minorityInterests: { kind: "number", label: "Minority interests", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 5e3], [0, 1e3]), section: "claims", changesProjection: false, help: "Others' stakes in consolidated subsidiaries." },
  nonOperatingAssets: { kind: "number", label: "Non-operating assets", unit: "money", min: 0, max: 1e5, plausible: perFirm([0, 5e3], [0, 1e3]), section: "claims", changesProjection: false, help: "Cross-holdings and other assets not in the operating forecast." },
  optionsOutstanding: { kind: "number", label: "Employee options outstanding", unit: "millionOptions", min: 0, max: 1e4, plausible: [0, 80], section: "claims", changesProjection: false, help: "Options and share awards that can become shares, in millions." },
  optionStrike: { kind: "number", label: "Average option strike", unit: "hkdPerShare", min: 0, max: 1e5, plausible: perFirm([0, 200], [0, 400]), section: "claims", changesProjection: false, help: "Average exercise price, HKD per share." },
  optionMaturityYears: { kind: "number", label: "Average option maturity", unit: "years", min: 0, max: 15, plausible: [1, 10], section: "claims", changesProjection: false, help: "Average years to expiry." },
  optionVolatility: { kind: "number", label: "Share price volatility", unit: "fraction", min: 0, max: 3, plausible: [0.3, 1.2], section: "claims", changesProjection: false, help: "Annual standard deviation of the share's return, for Black\u2013Scholes." },
  optionsValuedAt: { kind: "enum", values: ["value", "price"], label: "Options valued at", unit: "choice", section: "claims", changesProjection: false, help: "value: at the DCF's own value per share, as Damodaran's DIY workbooks do (a circular reference, solved exactly); price: at the market price, as his fcffsimpleginzu spreadsheet does." }
};
var MARKET_FIELD_DECLARATIONS = {
  usdHkd: { kind: "number", label: "HKD per USD", unit: "hkdPerUsd", min: 1, max: 20, plausible: [7.7, 7.9], section: "fx", changesProjection: false, help: "Exchange rate, Hong Kong dollars per US dollar." },
  usdRmb: { kind: "number", label: "RMB per USD", unit: "rmbPerUsd", min: 1, max: 20, plausible: [6.5, 7.5], section: "fx", changesProjection: false, help: "Exchange rate, renminbi per US dollar." }
};
var withKeys = (declarations) => Object.entries(declarations).map(([key, d]) => ({ key, ...d }));
var FIRM_FIELDS = withKeys(FIRM_FIELD_DECLARATIONS);
var MARKET_FIELDS = withKeys(MARKET_FIELD_DECLARATIONS);
var firmFieldByKey = new Map(FIRM_FIELDS.map((f) => [f.key, f]));
var marketFieldByKey = new Map(MARKET_FIELDS.map((f) => [f.key, f]));
var isFirm = (x) => FIRMS.includes(x ?? "");
function fieldSpec(path) {
  const [group, key, ...rest] = path.split(".");
  if (rest.length || !key) return void 0;
  if (group === "market") return marketFieldByKey.get(key);
  if (isFirm(group)) return firmFieldByKey.get(key);
  return void 0;
}
function firmOfPath(path) {
  const group = path.split(".")[0];
  return isFirm(group) ? group : null;
}

// src/lib/projection.ts
var HORIZON_MONTHS = 180;
function allocateProjection(months = HORIZON_MONTHS) {
  const n = months + 1;
  return {
    startMonth: 0,
    months,
    revenue: new Float64Array(n),
    grossMargin: new Float64Array(n),
    grossProfit: new Float64Array(n),
    opex: new Float64Array(n),
    operatingCashFlow: new Float64Array(n),
    financing: new Float64Array(n),
    cash: new Float64Array(n)
  };
}
function ramp(t2, years) {
  return years > 0 ? Math.min(1, t2 / (12 * years)) : 1;
}
function fadedRate(now, longRun, years, t2) {
  return now + (longRun - now) * ramp(t2, years);
}
var TWELFTH_ROOT_SERIES = (() => {
  const c = [];
  let term = 1;
  for (let k = 0; k <= 9; k++) {
    c.push(term);
    term = term * (1 / 12 - k) / (k + 1);
  }
  return c;
})();
var SERIES_MAX_STEP = 0.05;
function twelfthRootOfOnePlus(x) {
  const x2 = x * x;
  const x4 = x2 * x2;
  const low = 0.08333333333333333 - 0.03819444444444444 * x + x2 * (0.024402006172839507 - 0.017793129501028807 * x);
  const high = 0.013937951442472566 - 0.011421376876470575 * x + x2 * (0.009653782836064415 - 0.008346499743680692 * x);
  return 1 + x * (low + x4 * (high + x4 * 0.007341828478237646));
}
function seriesFits(now, longRun, fadeYears, fadeMonths) {
  const step = (longRun - now) / (12 * fadeYears);
  const smallestBase = Math.min(1 + fadedRate(now, longRun, fadeYears, 1), 1 + fadedRate(now, longRun, fadeYears, fadeMonths));
  return Math.abs(step) <= SERIES_MAX_STEP * smallestBase;
}
function growthFactorStep(next, g) {
  return twelfthRootOfOnePlus((next - g) / (1 + g));
}
var lastLongRun = Number.NaN;
var lastLongRunFactor = Number.NaN;
function longRunFactor(longRun) {
  if (longRun !== lastLongRun) {
    lastLongRun = longRun;
    lastLongRunFactor = pow(1 + longRun, 1 / 12);
  }
  return lastLongRunFactor;
}
function openingCashCosts(firm) {
  return firm.revenueRunRate / 12 * firm.grossMarginNow + firm.burnNow;
}
function openingCash(firm) {
  return firm.cashNow + (firm.includeUndrawnFacilities ? firm.undrawnFacilities : 0);
}
function inflowMonth(baselineMonth, date) {
  return Math.max(0, monthIndexOf(date) - baselineMonth);
}

// src/lib/blackScholes.ts
function callValue(option) {
  return callValueAt(option, option.stockPrice);
}
function callValueAt({ strike: k, maturityYears: t2, volatility: v, riskFreeRate: r, dividendYield: y }, s) {
  if (s <= 0) return 0;
  const sd = v * Math.sqrt(t2);
  const { dividend, interest } = discountFactors(y, r, t2);
  if (!(sd > 1e-12)) return Math.max(0, s * dividend - k * interest);
  if (k <= 0) return s * dividend;
  const d1 = (log(s / k) + (r - y + v * v / 2) * t2) / sd;
  const d2 = d1 - sd;
  return s * dividend * normalCdf(d1) - k * interest * normalCdf(d2);
}
var lastDiscount = { y: Number.NaN, r: Number.NaN, t: Number.NaN, dividend: Number.NaN, interest: Number.NaN };
function discountFactors(y, r, t2) {
  const d = lastDiscount;
  if (!(Object.is(d.y, y) && Object.is(d.r, r) && Object.is(d.t, t2))) {
    d.y = y;
    d.r = r;
    d.t = t2;
    d.dividend = exp(-y * t2);
    d.interest = exp(-r * t2);
  }
  return d;
}
function dilutedOptionsValue(option, count, shares) {
  if (count <= 0) return { perOption: 0, total: 0, adjustedStockPrice: option.stockPrice, iterations: 0 };
  let w = callValue(option);
  let adjusted = option.stockPrice;
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    adjusted = (option.stockPrice * shares + w * count) / (shares + count);
    const next = callValue({ ...option, stockPrice: adjusted });
    const done = Math.abs(next - w) <= 1e-12 * Math.max(1, Math.abs(next));
    w = next;
    if (done) break;
  }
  return { perOption: w, total: w * count, adjustedStockPrice: adjusted, iterations: iterations + 1 };
}

// src/lib/dcf.ts
var FORECAST_YEARS = 10;
function ratio(a, b) {
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}
function growthOf(now, before) {
  const g = ratio(now, before);
  return g === null ? null : g - 1;
}
function fadeYears6to10(t2, from, to) {
  return t2 <= 5 ? from : from + (to - from) * (t2 - 5) / 5;
}
function afterTax(operatingIncome, taxRate, nol) {
  if (operatingIncome <= 0) return { afterTax: operatingIncome, nol: nol - operatingIncome };
  if (operatingIncome <= nol) return { afterTax: operatingIncome, nol: nol - operatingIncome };
  return { afterTax: operatingIncome - (operatingIncome - nol) * taxRate, nol: 0 };
}
function dcfProblem(p) {
  if (!(p.terminalCostOfCapital > p.terminalGrowth)) return "terminal growth must be below the terminal cost of capital";
  if (!(p.salesToCapital1to5 > 0 && p.salesToCapital6to10 > 0)) return "sales-to-capital ratios must be positive";
  if (!(p.terminalReturnOnCapital > 0)) return "the terminal return on capital must be positive";
  if (!(p.terminalGrowth < p.terminalReturnOnCapital)) return "terminal growth must be below the terminal return on capital (reinvestment would exceed income)";
  if (!(p.probabilityOfFailure >= 0 && p.probabilityOfFailure <= 1)) return "the probability of failure must be between 0 and 1";
  if (!(p.distressProceeds >= 0)) return "distress proceeds cannot be negative";
  if (!(p.sharesOutstanding > 0)) return "shares outstanding must be positive";
  return null;
}
function valuePerShareFromForecast(forecast, p) {
  return discountForecast(forecast, p, null).bridge.valuePerShare;
}
function discountForecast(forecast, p, years) {
  const problem = dcfProblem(p);
  if (problem) throw new Error(problem);
  const { revenue, operatingIncome } = forecast;
  const terminalRevenue = revenue[FORECAST_YEARS] * (1 + p.terminalGrowth);
  const revenueAt = (t2) => t2 <= FORECAST_YEARS ? revenue[t2] : terminalRevenue;
  let nol = p.nolCarriedForward;
  let discountFactor = 1;
  let presentValueOfYears = 0;
  for (let t2 = 1; t2 <= FORECAST_YEARS; t2++) {
    const taxRate = fadeYears6to10(t2, p.effectiveTaxRate, p.marginalTaxRate);
    const taxed = afterTax(operatingIncome[t2], taxRate, nol);
    nol = taxed.nol;
    const salesToCapital = t2 <= 5 ? p.salesToCapital1to5 : p.salesToCapital6to10;
    const reinvestment = (revenueAt(t2 + p.reinvestmentLag) - revenueAt(t2 + p.reinvestmentLag - 1)) / salesToCapital;
    const fcff = taxed.afterTax - reinvestment;
    const costOfCapital = fadeYears6to10(t2, p.costOfCapital, p.terminalCostOfCapital);
    discountFactor /= 1 + costOfCapital;
    const presentValue = fcff * discountFactor;
    presentValueOfYears += presentValue;
    years?.push({
      year: t2,
      revenueGrowth: growthOf(revenue[t2], revenue[t2 - 1]),
      revenue: revenue[t2],
      operatingMargin: ratio(operatingIncome[t2], revenue[t2]),
      operatingIncome: operatingIncome[t2],
      taxRate,
      afterTaxOperatingIncome: taxed.afterTax,
      nol,
      reinvestment,
      fcff,
      costOfCapital,
      discountFactor,
      presentValue
    });
  }
  const terminalOperatingIncome = forecast.terminalOperatingMargin === void 0 ? operatingIncome[FORECAST_YEARS] * (1 + p.terminalGrowth) : terminalRevenue * forecast.terminalOperatingMargin;
  const terminalMargin = ratio(terminalOperatingIncome, terminalRevenue);
  const terminalAfterTax = terminalOperatingIncome > 0 ? terminalOperatingIncome * (1 - p.marginalTaxRate) : terminalOperatingIncome;
  const reinvestmentRate = terminalAfterTax > 0 && p.terminalGrowth > 0 ? p.terminalGrowth / p.terminalReturnOnCapital : 0;
  const terminalReinvestment = terminalAfterTax * reinvestmentRate;
  const terminalFcff = terminalAfterTax - terminalReinvestment;
  const terminalValue = terminalAfterTax > 0 ? terminalFcff / (p.terminalCostOfCapital - p.terminalGrowth) : 0;
  const presentValueOfTerminal = terminalValue * discountFactor;
  const operatingAssets = presentValueOfYears + presentValueOfTerminal;
  const proceeds = p.distressProceeds * Math.max(0, p.distressBasis === "book" ? p.bookCapital : operatingAssets);
  const adjustedOperatingAssets = operatingAssets * (1 - p.probabilityOfFailure) + proceeds * p.probabilityOfFailure;
  const equity = adjustedOperatingAssets - p.debt - p.minorityInterests + p.cash + p.nonOperatingAssets;
  const { options, optionsStockPrice } = p.optionsValuedAt === "price" ? { options: dilutedOptionsValue({ ...p.options, stockPrice: p.stockPrice }, p.options.count, p.sharesOutstanding).total, optionsStockPrice: p.stockPrice } : optionsAtOwnValue(equity, p.sharesOutstanding, p.options);
  const commonEquity = equity - options;
  const valuePerShare = commonEquity / p.sharesOutstanding;
  return {
    terminal: {
      revenue: terminalRevenue,
      operatingMargin: terminalMargin,
      operatingIncome: terminalOperatingIncome,
      taxRate: p.marginalTaxRate,
      afterTaxOperatingIncome: terminalAfterTax,
      reinvestmentRate,
      reinvestment: terminalReinvestment,
      fcff: terminalFcff,
      costOfCapital: p.terminalCostOfCapital,
      value: terminalValue,
      presentValue: presentValueOfTerminal
    },
    bridge: {
      presentValueOfYears,
      presentValueOfTerminal,
      operatingAssets,
      failureAdjustment: adjustedOperatingAssets - operatingAssets,
      adjustedOperatingAssets,
      debt: p.debt,
      minorityInterests: p.minorityInterests,
      cash: p.cash,
      nonOperatingAssets: p.nonOperatingAssets,
      equity,
      options,
      commonEquity,
      sharesOutstanding: p.sharesOutstanding,
      optionsStockPrice,
      valuePerShare,
      flooredValuePerShare: Math.max(0, valuePerShare),
      negativeEquity: commonEquity < 0
    }
  };
}
function optionsAtOwnValue(equity, shares, option) {
  const options = option.count > 0 ? callValueAt(option, equity / (shares + option.count)) * option.count : 0;
  return { options, optionsStockPrice: (equity - options) / shares };
}

// src/lib/fx.ts
function perUsd(currency, market) {
  switch (currency) {
    case "USD":
      return 1;
    case "HKD":
      return market.usdHkd;
    case "RMB":
      return market.usdRmb;
  }
}
function convert(amount, from, to, market) {
  if (from === to) return amount;
  return amount / perUsd(from, market) * perUsd(to, market);
}

// src/lib/valuation.ts
function valuationMonth(firm) {
  const start = monthIndexOf(firm.baselineDate);
  const firstFullYear = yearOfMonthIndex(start) + 1;
  const year1 = Math.max(yearOfMonthIndex(monthIndexOf(firm.ipoDate)), firstFullYear);
  return Math.min(decemberOffset(start, year1 - 1), HORIZON_MONTHS - 12 * FORECAST_YEARS);
}
function valuationCash(firm, balanceAtV, ipoMonth, v) {
  const ipoAfter = ipoMonth > v ? firm.ipoNetProceeds : 0;
  return balanceAtV - (firm.includeUndrawnFacilities ? firm.undrawnFacilities : 0) + ipoAfter;
}
function dcfParams(firm, currency, market, cash, nol = firm.nolCarriedForward) {
  const fromHkd = (x) => convert(x, "HKD", currency, market);
  return {
    terminalGrowth: firm.terminalGrowth,
    salesToCapital1to5: firm.salesToCapital1to5,
    salesToCapital6to10: firm.salesToCapital6to10,
    reinvestmentLag: firm.reinvestmentLag === 0 ? 0 : 1,
    effectiveTaxRate: firm.effectiveTaxRate,
    marginalTaxRate: firm.marginalTaxRate,
    nolCarriedForward: nol,
    costOfCapital: firm.costOfCapital,
    terminalCostOfCapital: firm.terminalCostOfCapital,
    terminalReturnOnCapital: firm.terminalReturnOnCapital,
    probabilityOfFailure: firm.probabilityOfFailure,
    distressProceeds: firm.distressProceeds,
    distressBasis: firm.distressBasis,
    bookCapital: firm.bookCapital,
    debt: firm.debt,
    minorityInterests: firm.minorityInterests,
    cash,
    nonOperatingAssets: firm.nonOperatingAssets,
    options: { count: firm.optionsOutstanding, strike: fromHkd(firm.optionStrike), maturityYears: firm.optionMaturityYears, volatility: firm.optionVolatility, riskFreeRate: firm.riskFreeRate, dividendYield: 0 },
    optionsValuedAt: firm.optionsValuedAt,
    stockPrice: fromHkd(firm.price),
    sharesOutstanding: firm.sharesOutstanding
  };
}
function forecastValuePerShareHkd(firmId, firm, market, forecast, cash, nol) {
  const currency = FIRM_CURRENCY[firmId];
  return convert(valuePerShareFromForecast(forecast, dcfParams(firm, currency, market, cash, nol)), currency, "HKD", market);
}
var PROJECTION_KEYS = FIRM_FIELDS.filter((f) => f.changesProjection).map((f) => f.key);

// src/lib/pathBlock.ts
var BLOCK_PATHS = 4e3;
var HORIZON = { kind: "horizon" };
var RampTables = class {
  constructor(months) {
    this.months = months;
  }
  months;
  #tables = [];
  of(years) {
    for (const table2 of this.#tables) if (Object.is(table2.years, years)) return table2.ramp;
    const table = Float64Array.from({ length: this.months + 1 }, (_, t2) => ramp(t2, years));
    if (this.#tables.length >= 4) this.#tables.shift();
    this.#tables.push({ years, ramp: table });
    return table;
  }
};
var PathBlock = class {
  months;
  /** Valuation month (months after the baseline) and the IPO's month: the firm's dates, shared by every path. */
  valuationMonth;
  ipoMonth;
  startMonth;
  /** Paths in the block now (≤ BLOCK_PATHS). */
  size = 0;
  valid = new Uint8Array(BLOCK_PATHS);
  /** Cash at the end of month t of path j: cash[t · BLOCK_PATHS + j]. */
  cash;
  /** Operating cash flow and cash costs by month, the same layout (only when `keepFlows`). */
  operatingCashFlow;
  costs;
  /** The last month projected for path j (the horizon, unless the run stops early: BlockStop). */
  lastMonth = new Int32Array(BLOCK_PATHS);
  /** 1 when path j's cash goes below zero in some month projected (only then has walkCash anything to find). */
  dips = new Uint8Array(BLOCK_PATHS);
  /** First month with OCF ≥ 0 (0 when none within the months projected). */
  breakEvenMonth = new Int32Array(BLOCK_PATHS);
  /** The month of the later raise (0 when none), and each path's financing amounts. */
  raiseMonth = new Int32Array(BLOCK_PATHS);
  ipoProceeds = new Float64Array(BLOCK_PATHS);
  laterRaise = new Float64Array(BLOCK_PATHS);
  /** The DCF's revenue and operating income by year (forecastFromProjection's sums): [year · BLOCK_PATHS + j]. */
  revenueByYear = new Float64Array((FORECAST_YEARS + 1) * BLOCK_PATHS);
  incomeByYear = new Float64Array((FORECAST_YEARS + 1) * BLOCK_PATHS);
  /** Losses carried forward at the valuation date (nolAtValuation). */
  nolAtValuation = new Float64Array(BLOCK_PATHS);
  #ramps;
  constructor(base2, months, keepFlows) {
    this.months = months;
    this.startMonth = monthIndexOf(base2.baselineDate);
    this.valuationMonth = valuationMonth(base2);
    this.ipoMonth = inflowMonth(this.startMonth, base2.ipoDate);
    this.cash = new Float64Array((months + 1) * BLOCK_PATHS);
    this.operatingCashFlow = keepFlows ? new Float64Array((months + 1) * BLOCK_PATHS) : null;
    this.costs = keepFlows ? new Float64Array((months + 1) * BLOCK_PATHS) : null;
    this.#ramps = new RampTables(months);
  }
  /**
   * Projects `size` paths, path j's inputs from `inputs(j)`, as far as `stop` says; the firm's dates
   * must be the block's. `visit(j, firm)` then sees each valid path while its inputs are at hand (they
   * may be one record overwritten path by path), with the path's months written.
   */
  run(size, inputs, stop = HORIZON, visit) {
    this.size = size;
    for (let j = 0; j < size; j++) {
      const firm = inputs(j);
      this.valid[j] = firm === null ? 0 : 1;
      if (firm === null) continue;
      this.#project(j, firm, stop);
      visit?.(j, firm);
    }
  }
  /**
   * Path j: project()'s months, operation for operation, with fillGrowthFactors' fades folded into
   * the same loop; the state in locals, only the kept series written out.
   */
  #project(j, firm, stop) {
    const B = BLOCK_PATHS;
    const { months, valuationMonth: v, ipoMonth, cash, operatingCashFlow, costs: costsByMonth, revenueByYear, incomeByYear } = this;
    const revenue0 = firm.revenueRunRate / 12;
    const costs0 = openingCashCosts(firm);
    let revenue = revenue0;
    let costs = costs0;
    let balance = openingCash(firm);
    const balance0 = balance;
    cash[j] = balance;
    if (operatingCashFlow) {
      operatingCashFlow[j] = -firm.burnNow;
      costsByMonth[j] = costs0;
    }
    const { grossMarginNow: marginNow, grossMarginTarget: marginTarget, growthStart, opexGrowth, growthLongRun: longRun, growthFadeYears: fadeYears } = firm;
    const marginRamp = this.#ramps.of(firm.marginYears);
    const fadeRamp = this.#ramps.of(fadeYears);
    const settled = longRunFactor(longRun);
    const fadeMonths = Math.min(months, fadeYears > 0 ? Math.ceil(12 * fadeYears) - 1 : 0);
    let revenueRate = 0;
    let costRate = 0;
    let revenueFactor = settled;
    let costFactor = settled;
    let revenueSeries = false;
    let costSeries = false;
    if (fadeMonths > 0) {
      revenueRate = fadedRate(growthStart, longRun, fadeYears, 1);
      costRate = fadedRate(opexGrowth, longRun, fadeYears, 1);
      revenueSeries = seriesFits(growthStart, longRun, fadeYears, fadeMonths);
      costSeries = seriesFits(opexGrowth, longRun, fadeYears, fadeMonths);
      revenueFactor = pow(1 + revenueRate, 1 / 12);
      costFactor = pow(1 + costRate, 1 / 12);
    }
    const ipoProceeds = firm.ipoNetProceeds;
    const laterRaise = firm.laterRaise;
    const raiseMonth = laterRaise > 0 ? inflowMonth(this.startMonth, firm.laterRaiseDate) : 0;
    this.ipoProceeds[j] = ipoProceeds;
    this.laterRaise[j] = laterRaise;
    this.raiseMonth[j] = raiseMonth;
    const lastMonth = stop.kind === "break-even" ? Math.max(0, Math.min(months, stop.lastMonth)) : months;
    const stopFrom = stop.kind === "break-even" ? 0 : stop.kind === "cash-out" ? Math.max(ipoMonth, raiseMonth) : Infinity;
    let breakEven = 0;
    let dips = 0;
    let nol = firm.nolCarriedForward;
    let revenueSum = 0;
    let incomeSum = 0;
    for (let t3 = v - 11; t3 <= 0; t3++) {
      revenueSum += revenue0;
      incomeSum += -firm.burnNow;
    }
    let year = 0;
    let yearEnd = v;
    if (v === 0) {
      revenueByYear[j] = revenueSum;
      incomeByYear[j] = incomeSum;
      year = 1;
      yearEnd = 12;
      revenueSum = 0;
      incomeSum = 0;
    }
    let t2 = 1;
    for (; t2 <= lastMonth; t2++) {
      if (t2 > 1) {
        if (t2 > fadeMonths) {
          revenueFactor = settled;
          costFactor = settled;
        } else {
          const r = fadeRamp[t2];
          const nextRevenueRate = growthStart + (longRun - growthStart) * r;
          const nextCostRate = opexGrowth + (longRun - opexGrowth) * r;
          revenueFactor = revenueSeries ? revenueFactor * growthFactorStep(nextRevenueRate, revenueRate) : pow(1 + nextRevenueRate, 1 / 12);
          costFactor = costSeries ? costFactor * growthFactorStep(nextCostRate, costRate) : pow(1 + nextCostRate, 1 / 12);
          revenueRate = nextRevenueRate;
          costRate = nextCostRate;
        }
      }
      revenue *= revenueFactor;
      const margin = marginNow + (marginTarget - marginNow) * marginRamp[t2];
      costs *= costFactor;
      const ocf = revenue * margin - costs;
      const financing = (t2 === ipoMonth ? ipoProceeds : 0) + (t2 === raiseMonth ? laterRaise : 0);
      balance += ocf + financing;
      cash[t2 * B + j] = balance;
      if (balance < 0) dips = 1;
      if (operatingCashFlow) {
        operatingCashFlow[t2 * B + j] = ocf;
        costsByMonth[t2 * B + j] = costs;
      }
      if (breakEven === 0 && ocf >= 0) breakEven = t2;
      if (t2 <= v) nol = Math.max(0, nol - ocf);
      if (t2 > v - 12 && year <= FORECAST_YEARS) {
        revenueSum += revenue;
        incomeSum += ocf;
        if (t2 === yearEnd) {
          revenueByYear[year * B + j] = revenueSum;
          incomeByYear[year * B + j] = incomeSum;
          year++;
          yearEnd += 12;
          revenueSum = 0;
          incomeSum = 0;
        }
      }
      if (breakEven !== 0 && t2 >= stopFrom) break;
    }
    this.lastMonth[j] = Math.min(t2, lastMonth);
    this.breakEvenMonth[j] = breakEven;
    this.dips[j] = balance0 < 0 ? 1 : dips;
    this.nolAtValuation[j] = nol;
  }
  /** Path j's financing in month t (project()'s expression). */
  financing(j, t2) {
    return (t2 === this.ipoMonth ? this.ipoProceeds[j] : 0) + (t2 === this.raiseMonth[j] ? this.laterRaise[j] : 0);
  }
  /**
   * Copies path j into `out` (a projection buffer of the block's months), as far as it was projected
   * (out.months = its last month): cash and financing, and with kept flows also operating cash flow
   * and costs; other series are left as they were.
   */
  copyPath(j, out) {
    const B = BLOCK_PATHS;
    const months = this.lastMonth[j];
    out.startMonth = this.startMonth;
    out.months = months;
    for (let t2 = 0; t2 <= months; t2++) out.cash[t2] = this.cash[t2 * B + j];
    out.financing.fill(0, 0, months + 1);
    if (this.ipoMonth >= 1 && this.ipoMonth <= months) out.financing[this.ipoMonth] = this.ipoProceeds[j];
    const raise = this.raiseMonth[j];
    if (raise >= 1 && raise <= months) out.financing[raise] = out.financing[raise] + this.laterRaise[j];
    if (this.operatingCashFlow) {
      for (let t2 = 0; t2 <= months; t2++) {
        out.operatingCashFlow[t2] = this.operatingCashFlow[t2 * B + j];
        out.opex[t2] = this.costs[t2 * B + j];
      }
    }
    return out;
  }
};

// src/lib/random.ts
var MAX_SEED = Number.MAX_SAFE_INTEGER;
var TWO_TO_MINUS_53 = 1 / 9007199254740992;
var TWO_TO_26 = 67108864;
function splitMix64(seed, count) {
  const mask = (1n << 64n) - 1n;
  let x = BigInt(seed) & mask;
  const out = [];
  for (let i = 0; i < count; i++) {
    x = x + 0x9e3779b97f4a7c15n & mask;
    let z = x;
    z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & mask;
    z = (z ^ z >> 27n) * 0x94d049bb133111ebn & mask;
    out.push(z ^ z >> 31n);
  }
  return out;
}
function seedState(seed) {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED} (got ${seed})`);
  const [a, b] = splitMix64(seed, 2);
  const low = (x) => Number(x & 0xffffffffn);
  return Uint32Array.of(low(a), low(a >> 32n), low(b), low(b >> 32n));
}
function createRandom(seed) {
  const state = typeof seed === "number" ? seedState(seed) : Uint32Array.from(seed);
  if (state.length !== 4 || (state[0] | state[1] | state[2] | state[3]) === 0) throw new RangeError("the generator's state is four 32-bit words, not all zero");
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  function nextInt32() {
    const x = Math.imul(s1, 5);
    const result = Math.imul(x << 7 | x >>> 25, 9);
    const t2 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t2;
    s3 = s3 << 11 | s3 >>> 21;
    return result;
  }
  return {
    nextUint32: () => nextInt32() >>> 0,
    next() {
      for (; ; ) {
        const high27 = nextInt32() >>> 5;
        const low26 = nextInt32() >>> 6;
        const k = high27 * TWO_TO_26 + low26;
        if (k !== 0) return k * TWO_TO_MINUS_53;
      }
    }
  };
}
function fillUniform(rng, out) {
  for (let i = 0; i < out.length; i++) out[i] = rng.next();
  return out;
}

// src/lib/runway.ts
function crossing(cash, t2) {
  if (t2 === 0) return 0;
  const before = cash[t2 - 1];
  return t2 - 1 + before / (before - cash[t2]);
}
function nextFinancingAfter(financing, t2, months) {
  for (let m = t2 + 1; m <= months; m++) if (financing[m] > 0) return m;
  return Infinity;
}
function walkCash(p, onGap) {
  const { cash, financing } = p;
  let t2 = 0;
  while (t2 <= p.months) {
    if (!(cash[t2] < 0)) {
      t2++;
      continue;
    }
    const start = t2;
    const bridge = nextFinancingAfter(financing, start, p.months);
    let shortfall = 0;
    while (t2 <= p.months && t2 <= bridge && cash[t2] < 0) shortfall = Math.max(shortfall, -cash[t2++]);
    if (!(bridge <= p.months && t2 <= bridge)) return crossing(cash, start);
    onGap?.(start, t2, bridge, shortfall);
  }
  return null;
}

// src/lib/issues.ts
function describeValue(raw) {
  if (typeof raw === "string") return raw;
  if (raw === void 0) return "";
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return Array.isArray(raw) ? "(an array nested too deeply to show)" : "(an object nested too deeply to show)";
  }
}

// src/lib/schema.ts
var SCENARIO_VERSION = 2;
var MAX_VALUE_CHARS = 100;
var DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
function checkValue(spec, raw) {
  if (typeof raw === "string" && raw.length > MAX_VALUE_CHARS) return { ok: false, reason: `is ${raw.length.toLocaleString("en-US")} characters long; a value has at most ${MAX_VALUE_CHARS}` };
  switch (spec.kind) {
    case "boolean": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      if (raw === "true" || raw === "false") return { ok: true, value: raw === "true" };
      return { ok: false, reason: "must be true or false" };
    }
    case "date": {
      if (isIsoDate(raw)) return { ok: true, value: raw };
      return { ok: false, reason: "must be a date written YYYY-MM-DD" };
    }
    case "enum": {
      const values = spec.values ?? [];
      if (typeof raw === "string" && values.includes(raw)) return { ok: true, value: raw };
      return { ok: false, reason: `must be one of ${values.join(", ")}` };
    }
    case "number":
    case "integer": {
      let value;
      if (typeof raw === "number") value = raw;
      else if (typeof raw === "string" && DECIMAL.test(raw.trim())) value = Number(raw.trim());
      else return { ok: false, reason: "must be a number" };
      if (!Number.isFinite(value)) return { ok: false, reason: "must be a finite number" };
      if (spec.kind === "integer" && !Number.isInteger(value)) return { ok: false, reason: "must be a whole number" };
      const { min = -Infinity, max = Infinity } = spec;
      if (value < min || value > max) return { ok: false, reason: `must be between ${min} and ${max}` };
      return { ok: true, value: value === 0 ? 0 : value };
    }
  }
}
function firmConsistencyProblem(firm) {
  if (openingCashCosts(firm) < 0) {
    const grossLoss = firm.burnNow - openingCashCosts(firm);
    return { field: "burnNow", reason: `cash costs would be negative: burn must be at least the monthly gross loss (${formatNumber(grossLoss, 4)} million a month)` };
  }
  if (firm.laterRaise > 0 && firm.laterRaiseDate <= firm.baselineDate) {
    return { field: "laterRaiseDate", reason: "a later raise must come after the baseline date" };
  }
  if (!(firm.terminalGrowth < firm.terminalCostOfCapital)) {
    return { field: "terminalGrowth", reason: "growth after year 10 must be below the cost of capital after year 10" };
  }
  if (!(firm.terminalGrowth < firm.terminalReturnOnCapital)) {
    return { field: "terminalGrowth", reason: "growth after year 10 must be below the return on capital after year 10 (reinvestment would exceed income)" };
  }
  return null;
}
var CONSISTENCY_FIELDS = ["burnNow", "revenueRunRate", "grossMarginNow", "laterRaise", "laterRaiseDate", "baselineDate", "terminalGrowth", "terminalCostOfCapital", "terminalReturnOnCapital"];
function applyOverrides(scenario, overrides) {
  const next = cloneScenario(scenario);
  const issues = [];
  const byFirm = /* @__PURE__ */ new Map();
  for (const [path, raw] of overrides) {
    const shown = describeValue(raw);
    const spec = fieldSpec(path);
    if (!spec) {
      issues.push({ field: path, value: shown, reason: "unknown field" });
      continue;
    }
    const checked = checkValue(spec, raw);
    if (!checked.ok) {
      issues.push({ field: path, value: shown, reason: checked.reason });
      continue;
    }
    const firmId = firmOfPath(path);
    if (firmId === null) fieldsOf(next.market)[spec.key] = checked.value;
    else {
      const list = byFirm.get(firmId) ?? [];
      list.push([spec.key, checked.value, path, shown]);
      byFirm.set(firmId, list);
    }
  }
  for (const [firmId, list] of byFirm) {
    const kept = consistentOverrides(next.firms[firmId], list);
    const firm = { ...next.firms[firmId] };
    for (const [key, value] of kept.applied) fieldsOf(firm)[key] = value;
    next.firms[firmId] = firm;
    issues.push(...kept.refused);
  }
  return { scenario: next, issues };
}
function consistentOverrides(base2, list) {
  const byKey = new Map(list.map((o) => [o[0], o]));
  const overrides = [...byKey.values()];
  const with_ = (chosen) => {
    const firm = { ...base2 };
    for (const [key, value] of chosen) fieldsOf(firm)[key] = value;
    return firm;
  };
  if (!firmConsistencyProblem(with_(overrides))) return { applied: overrides, refused: [] };
  const order = (o) => CONSISTENCY_FIELDS.indexOf(o[0]);
  const free = overrides.filter((o) => order(o) < 0);
  const bound = overrides.filter((o) => order(o) >= 0).sort((a, b) => order(a) - order(b));
  let best = [];
  let bestScore = -1;
  for (let mask = 0; mask < 1 << bound.length; mask++) {
    const chosen = bound.filter((_, i) => mask & 1 << bound.length - 1 - i);
    const score = chosen.length * (1 << bound.length) + mask;
    if (score > bestScore && !firmConsistencyProblem(with_([...free, ...chosen]))) {
      best = chosen;
      bestScore = score;
    }
  }
  const applied = [...free, ...best];
  const refused = bound.filter((o) => !best.includes(o)).map((override) => {
    const [, , path, shown] = override;
    const reason = firmConsistencyProblem(with_([...applied, override]))?.reason ?? "does not fit the other values";
    const others = best.filter((k) => !firmConsistencyProblem(with_([...free, ...best.filter((x) => x !== k), override])));
    const against = others.length ? ` (conflicts with ${others.map(([, , p, v]) => `${p}=${v}`).join(", ")}, also in this input)` : "";
    return { field: path, value: shown, reason: `${reason}${against}` };
  });
  return { applied, refused };
}
function cloneScenario(scenario) {
  return {
    ...scenario,
    firms: { zhipu: { ...scenario.firms.zhipu }, minimax: { ...scenario.firms.minimax } },
    market: { ...scenario.market }
  };
}
function fieldsOf(inputs) {
  return inputs;
}
function getField(scenario, path) {
  const spec = fieldSpec(path);
  if (!spec) return void 0;
  const firmId = firmOfPath(path);
  return fieldsOf(firmId === null ? scenario.market : scenario.firms[firmId])[spec.key];
}

// src/lib/uncertainty.ts
var MAX_PATHS = 1e6;
var DEFAULT_SIMULATION = { paths: 1e5, seed: 1 };
var NO_UNCERTAINTY = { ranges: {}, correlations: [], simulation: DEFAULT_SIMULATION };
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
function uncertainField(path) {
  const spec = fieldSpec(path);
  if (!spec) return "unknown field";
  if (spec.kind !== "number" && spec.kind !== "integer") return `a ${spec.kind} input cannot carry a range; only numbers can`;
  return { min: spec.min, max: spec.max };
}
function rangeProblem(path, spec) {
  const field = uncertainField(path);
  return typeof field === "string" ? field : spec === null ? null : validateDistribution(spec, field);
}
function parseRanges(raw, issues) {
  const ranges = {};
  if (!isObject(raw)) {
    issues.push({ field: "uncertainty", value: describeValue(raw), reason: 'must be an object of ranges by field, e.g. {"minimax.burnNow": {"distribution": "uniform", "low": 20, "high": 40}}' });
    return ranges;
  }
  for (const [path, spec] of Object.entries(raw)) {
    const problem = rangeProblem(path, spec);
    if (problem) issues.push({ field: `uncertainty.${path}`, value: fieldSpec(path) ? describeValue(spec) : "", reason: problem });
    else ranges[path] = { ...spec };
  }
  return ranges;
}
function parseCorrelations(raw, ranges, issues) {
  if (!Array.isArray(raw)) {
    issues.push({ field: "correlations", value: describeValue(raw), reason: 'must be a list of [field, field, correlation], e.g. [["zhipu.growthStart", "zhipu.grossMarginTarget", 0.4]]' });
    return [];
  }
  const kept = [];
  const seen = /* @__PURE__ */ new Set();
  raw.forEach((entry, i) => {
    const field = `correlations[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== "string" || typeof entry[1] !== "string") {
      issues.push({ field, value: describeValue(entry), reason: "must be [field, field, correlation]" });
      return;
    }
    const [a, b, rho] = entry;
    for (const path of [a, b]) {
      if (!(path in ranges)) {
        issues.push({ field, value: describeValue(entry), reason: fieldSpec(path) ? `${path} has no range (a fixed input cannot be correlated)` : `${path} is not a field` });
        return;
      }
    }
    if (a === b) return void issues.push({ field, value: describeValue(entry), reason: "an input cannot be correlated with itself" });
    if (typeof rho !== "number" || !Number.isFinite(rho) || rho < -1 || rho > 1) return void issues.push({ field, value: describeValue(entry), reason: "the correlation must be a number between \u22121 and 1" });
    const pair = [a, b].sort().join(" ");
    if (seen.has(pair)) return void issues.push({ field, value: describeValue(entry), reason: `${a} and ${b} are already correlated by an earlier entry` });
    seen.add(pair);
    kept.push([a, b, rho]);
  });
  return repairIfNeeded(kept, issues);
}
function correlationMatrix(correlations) {
  const paths = [...new Set(correlations.flatMap(([a, b]) => [a, b]))];
  const index = new Map(paths.map((p, i) => [p, i]));
  const matrix = paths.map((_, i) => paths.map((__, j) => i === j ? 1 : 0));
  for (const [a, b, rho] of correlations) {
    matrix[index.get(a)][index.get(b)] = rho;
    matrix[index.get(b)][index.get(a)] = rho;
  }
  return { paths, matrix };
}
function repairIfNeeded(correlations, issues) {
  if (correlations.length === 0) return correlations;
  const { paths, matrix } = correlationMatrix(correlations);
  const problem = correlationProblem(matrix, paths);
  if (problem === null) return correlations;
  const repaired = nearestCorrelation(matrix);
  const index = new Map(paths.map((p, i) => [p, i]));
  issues.push({ field: "correlations", value: "", reason: `${problem}; repaired to the nearest valid set, changing each correlation by at most ${formatNumber(repaired.largestChange, 2)}` });
  return correlations.map(([a, b]) => [a, b, repaired.matrix[index.get(a)][index.get(b)]]);
}
function parseSimulation(raw, fallback, issues) {
  if (!isObject(raw)) {
    issues.push({ field: "simulation", value: describeValue(raw), reason: 'must be an object such as {"paths": 100000, "seed": 1}' });
    return fallback;
  }
  const simulation = { ...fallback };
  for (const key of Object.keys(raw)) if (key !== "paths" && key !== "seed") issues.push({ field: `simulation.${key}`, value: "", reason: "unknown field (paths or seed)" });
  if (raw.paths !== void 0) {
    const problem = pathsProblem(raw.paths);
    if (problem) issues.push({ field: "simulation.paths", value: describeValue(raw.paths), reason: problem });
    else simulation.paths = raw.paths;
  }
  if (raw.seed !== void 0) {
    const problem = seedProblem(raw.seed);
    if (problem) issues.push({ field: "simulation.seed", value: describeValue(raw.seed), reason: problem });
    else simulation.seed = raw.seed;
  }
  return simulation;
}
function pathsProblem(paths) {
  if (typeof paths !== "number" || !Number.isInteger(paths) || paths < 1) return "must be a whole number of paths, at least 1";
  if (paths > MAX_PATHS) return `at most ${MAX_PATHS.toLocaleString("en-US")} paths`;
  return null;
}
function seedProblem(seed) {
  return typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0 ? null : "must be a non-negative whole number (up to 2^53 \u2212 1)";
}
function resolveUncertainty(file, fallback, issues) {
  const ranges = file.uncertainty === void 0 ? fallback.ranges : parseRanges(file.uncertainty, issues);
  const correlations = file.correlations !== void 0 ? parseCorrelations(file.correlations, ranges, issues) : file.uncertainty === void 0 ? fallback.correlations : [];
  const simulation = file.simulation === void 0 ? fallback.simulation : parseSimulation(file.simulation, fallback.simulation, issues);
  return { ranges, correlations, simulation };
}
function rangeCentre(spec) {
  switch (spec.distribution) {
    case "triangular":
    case "pert":
      return spec.mode;
    case "lognormal":
      return Math.sqrt(spec.low * spec.high);
    default:
      return (spec.low + spec.high) / 2;
  }
}
function recentredRange(spec, value) {
  const centre = rangeCentre(spec);
  const tidy = (x) => Number(x.toPrecision(12));
  if (spec.distribution === "lognormal") return value > 0 ? { ...spec, low: tidy(spec.low * value / centre), high: tidy(spec.high * value / centre) } : spec;
  const shift = value - centre;
  if (spec.distribution === "triangular" || spec.distribution === "pert") return { ...spec, low: tidy(spec.low + shift), mode: value, high: tidy(spec.high + shift) };
  return { ...spec, low: tidy(spec.low + shift), high: tidy(spec.high + shift) };
}
function rangesFollowing(ranges, baseValue, scenarioValue) {
  const out = {};
  for (const [path, spec] of Object.entries(ranges)) {
    const value = scenarioValue(path);
    const moved = typeof value === "number" && value !== baseValue(path) ? recentredRange(spec, value) : spec;
    const field = uncertainField(path);
    out[path] = typeof field !== "string" && validateDistribution(moved, field) === null ? moved : spec;
  }
  return out;
}

// src/lib/simulation.ts
var BINS = 4096;
function firmInputPaths(scenario, firm) {
  const ranges = (scenario.uncertainty ?? NO_UNCERTAINTY).ranges;
  return Object.keys(ranges).filter((path) => firmOfPath(path) === firm || path.startsWith("market.")).sort();
}
function drawInputs(scenario, paths, seed, wanted) {
  const uncertainty = scenario.uncertainty ?? NO_UNCERTAINTY;
  const all = Object.keys(uncertainty.ranges).sort();
  const random = createRandom(seed);
  const uniforms = new Float64Array(paths);
  const draws = /* @__PURE__ */ new Map();
  for (const path of all) {
    fillUniform(random, uniforms);
    if (!wanted.includes(path)) continue;
    const spec = fieldSpec(path);
    draws.set(path, quantiles(distribution(uncertainty.ranges[path], { min: spec.min, max: spec.max }), uniforms, new Float64Array(paths)));
  }
  const correlations = uncertainty.correlations.filter(([a, b]) => draws.has(a) && draws.has(b));
  if (correlations.length > 0 && paths > 2) {
    const { paths: correlated, matrix } = correlationMatrix(correlations);
    imanConover(correlated.map((p) => draws.get(p)), matrix);
  }
  return wanted.map((path) => draws.get(path));
}
function simulate(scenario, options = {}) {
  const simulation = (scenario.uncertainty ?? NO_UNCERTAINTY).simulation;
  const paths = options.paths ?? simulation.paths;
  const seed = options.seed ?? simulation.seed;
  const firms = Object.fromEntries(FIRMS.map((firm) => [firm, simulateFirm(scenario, firm, { paths, seed, requirements: options.requirements })]));
  return { paths, seed, firms };
}
var LEVER_FIELD = { extraFunding: "cashNow", burnCut: "burnNow", growthStart: "growthStart" };
function applyLever(firm, lever) {
  if (lever.lever === "extraFunding") firm.cashNow += lever.value;
  else if (lever.lever === "burnCut") firm.burnNow -= Math.min(lever.value, openingCashCosts(firm));
  else firm.growthStart = lever.value;
}
var FirmPaths = class {
  constructor(scenario, firm, paths, seed) {
    this.paths = paths;
    this.seed = seed;
    this.inputs = firmInputPaths(scenario, firm);
    this.draws = drawInputs(scenario, paths, seed, this.inputs);
    this.base = scenario.firms[firm];
    this.market = { ...scenario.market };
    this.#record = { ...this.base };
    this.#own = this.inputs.map((path, k) => ({ key: fieldSpec(path).key, column: this.draws[k], market: path.startsWith("market.") }));
    this.#drawnKeys = new Set(this.#own.filter((o) => !o.market).map((o) => o.key));
  }
  paths;
  seed;
  inputs;
  draws;
  base;
  market;
  /** One mutable copy of the firm's inputs, its uncertain fields overwritten path by path. */
  #record;
  #own;
  #drawnKeys;
  /** Path i's inputs (one object, overwritten by the next call), or null when they do not fit together. */
  load(i, lever) {
    const record = this.#record;
    for (const { key, column, market } of this.#own) {
      if (market) this.market[key] = column[i];
      else record[key] = column[i];
    }
    const firm = record;
    if (lever) {
      const key = LEVER_FIELD[lever.lever];
      if (!this.#drawnKeys.has(key)) record[key] = this.base[key];
      applyLever(firm, lever);
    }
    if ((this.#own.length > 0 || lever) && firmConsistencyProblem(firm) !== null) return null;
    return firm;
  }
};
function simulateFirm(scenario, firm, options, drawn) {
  const { paths, lever } = options;
  const withValues = options.values !== false;
  const pathInputs = drawn ?? new FirmPaths(scenario, firm, paths, options.seed);
  const { base: base2, market } = pathInputs;
  const months = HORIZON_MONTHS;
  const block = new PathBlock(base2, months, options.requirements === true);
  const scratch = allocateProjection(months);
  const forecast = { revenue: new Array(FORECAST_YEARS + 1).fill(0), operatingIncome: new Array(FORECAST_YEARS + 1).fill(0) };
  const targetMonth = decemberOffset(block.startMonth, base2.breakEvenTargetYear);
  const runwayMonths = new Float64Array(paths);
  const breakEvenMonths = new Float64Array(paths);
  const valuePerShareHkd = new Float64Array(paths);
  const requirements = options.requirements ? { extraFunding: new Float64Array(paths), burnCutCashOut: new Float64Array(paths), burnCutBreakEven: new Float64Array(paths) } : void 0;
  const shifted = requirements ? new Float64Array(months + 1) : null;
  let invalidPaths = 0;
  let cashOutFirst = 0;
  let byTarget = 0;
  let abovePrice = 0;
  const histogram = new CashHistogram(months);
  let from = 0;
  const visit = (j, firmInputs) => {
    const i = from + j;
    const be = block.breakEvenMonth[j] > 0 ? block.breakEvenMonth[j] : Infinity;
    const p = block.dips[j] === 1 || requirements ? block.copyPath(j, scratch) : null;
    const runway = p === null ? Infinity : walkCash(p) ?? Infinity;
    let value = Number.NaN;
    if (withValues) {
      for (let year = 0; year <= FORECAST_YEARS; year++) {
        forecast.revenue[year] = block.revenueByYear[year * BLOCK_PATHS + j];
        forecast.operatingIncome[year] = block.incomeByYear[year * BLOCK_PATHS + j];
      }
      const v = block.valuationMonth;
      value = forecastValuePerShareHkd(firm, firmInputs, market, forecast, valuationCash(firmInputs, block.cash[v * BLOCK_PATHS + j], block.ipoMonth, v), block.nolAtValuation[j]);
    }
    runwayMonths[i] = runway;
    breakEvenMonths[i] = be;
    valuePerShareHkd[i] = value;
    if (runway < be) cashOutFirst++;
    if (be <= targetMonth) byTarget++;
    if (value > firmInputs.price) abovePrice++;
    if (requirements && p !== null) {
      requirements.extraFunding[i] = fundingNeeded(p.cash, p.financing, months, be === Infinity ? null : be);
      requirements.burnCutBreakEven[i] = burnCutToBreakEvenBy(p, Math.min(targetMonth, months));
      requirements.burnCutCashOut[i] = burnCutToOutlast(p, shifted);
    }
  };
  for (; from < paths; from += BLOCK_PATHS) {
    const size = Math.min(BLOCK_PATHS, paths - from);
    block.run(size, (j) => pathInputs.load(from + j, lever), void 0, visit);
    histogram.addBlock(block);
    for (let j = 0; j < size; j++) {
      if (block.valid[j] === 1) continue;
      const i = from + j;
      invalidPaths++;
      runwayMonths[i] = breakEvenMonths[i] = valuePerShareHkd[i] = Number.NaN;
      if (requirements) requirements.extraFunding[i] = requirements.burnCutCashOut[i] = requirements.burnCutBreakEven[i] = Number.NaN;
    }
  }
  const valid = paths - invalidPaths;
  const estimate = (count) => {
    const p = valid > 0 ? count / valid : Number.NaN;
    return { p, standardError: valid > 0 ? Math.sqrt(p * (1 - p) / valid) : Number.NaN };
  };
  return {
    inputs: pathInputs.inputs,
    draws: pathInputs.draws,
    runwayMonths,
    breakEvenMonths,
    valuePerShareHkd,
    cash: histogram.bands(block.startMonth),
    probabilities: { cashOutBeforeBreakEven: estimate(cashOutFirst), breakEvenByTarget: estimate(byTarget), valueAbovePrice: withValues ? estimate(abovePrice) : { p: Number.NaN, standardError: Number.NaN } },
    invalidPaths,
    requirements
  };
}
function fundingNeeded(cash, financing, months, breakEvenMonth) {
  const last = breakEvenMonth ?? months;
  let lowest = Infinity;
  let hasBridge = false;
  let highestAfter = -Infinity;
  for (let t2 = months; t2 >= 0; t2--) {
    if (t2 < months) {
      if (financing[t2 + 1] > 0) {
        hasBridge = true;
        highestAfter = cash[t2 + 1];
      } else if (hasBridge) highestAfter = Math.max(highestAfter, cash[t2 + 1]);
    }
    if (t2 <= last) {
      const m = hasBridge ? Math.max(cash[t2], highestAfter) : cash[t2];
      if (m < lowest) lowest = m;
    }
  }
  return Math.max(0, -lowest);
}
function burnCutToBreakEvenBy(p, last) {
  const costs0 = p.opex[0];
  let least = Infinity;
  for (let t2 = 1; t2 <= last; t2++) {
    const ocf = p.operatingCashFlow[t2];
    if (ocf >= 0) return 0;
    if (costs0 > 0) least = Math.min(least, -ocf * costs0 / p.opex[t2]);
  }
  return least <= costs0 ? least : Infinity;
}
var CUT_MARGIN = 1e-9;
function burnCutToOutlast(p, scratch) {
  const { months, cash, financing, operatingCashFlow, opex } = p;
  const costs0 = opex[0];
  let cumulative = 0;
  scratch[0] = cash[0] >= 0 ? 0 : Infinity;
  for (let u = 1; u <= months; u++) {
    cumulative += costs0 > 0 ? opex[u] / costs0 : 0;
    scratch[u] = cash[u] >= 0 ? 0 : cumulative > 0 ? -cash[u] / cumulative : Infinity;
  }
  let hasBridge = false;
  let lowestAfter = Infinity;
  let next = Infinity;
  for (let t2 = months; t2 >= 0; t2--) {
    const own = scratch[t2];
    if (t2 < months) {
      if (financing[t2 + 1] > 0) {
        hasBridge = true;
        lowestAfter = next;
      } else if (hasBridge) lowestAfter = Math.min(lowestAfter, next);
    }
    scratch[t2] = hasBridge ? Math.min(own, lowestAfter) : own;
    next = own;
  }
  let needed = scratch[0];
  let earliest = Infinity;
  let best = Infinity;
  for (let n = 1; n <= months; n++) {
    needed = Math.max(needed, scratch[n]);
    const k = costs0 > 0 ? opex[n] / costs0 : 0;
    const ocf = operatingCashFlow[n];
    const breaksEven = ocf >= 0 ? 0 : k > 0 ? -ocf / k : Infinity;
    if (breaksEven < earliest) {
      const candidate = Math.max(breaksEven, needed);
      if (candidate < earliest && candidate < best) best = candidate;
      earliest = breaksEven;
    }
  }
  if (needed < earliest && needed < best) best = needed;
  if (best === 0) return 0;
  if (!(costs0 > 0) || !(best <= costs0)) return Infinity;
  return Math.min(costs0, best + costs0 * CUT_MARGIN);
}
var CashHistogram = class {
  constructor(months) {
    this.months = months;
    this.counts = new Uint32Array((months + 1) * BINS);
    this.low = new Float64Array(months + 1);
    this.width = new Float64Array(months + 1);
    this.perUnit = new Float64Array(months + 1);
    this.min = new Float64Array(months + 1).fill(Infinity);
    this.max = new Float64Array(months + 1).fill(-Infinity);
  }
  months;
  counts;
  low;
  width;
  /** Bins per unit of cash (1 ÷ width): a multiply per value instead of a divide. */
  perUnit;
  min;
  max;
  total = 0;
  started = false;
  /** Sets each month's bins from the spread of a block's valid paths. */
  start(block) {
    for (let t2 = 0; t2 <= this.months; t2++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = 0; j < block.size; j++) {
        if (block.valid[j] === 0) continue;
        const x = block.cash[t2 * BLOCK_PATHS + j];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      const span = hi - lo > 0 ? hi - lo : Math.max(1e-9, Math.abs(lo) * 1e-9);
      this.low[t2] = lo - span / 2;
      this.width[t2] = 2 * span / BINS;
      this.perUnit[t2] = BINS / (2 * span);
    }
    this.started = true;
  }
  /**
   * Counts a block's valid paths, month by month. The exact minimum and maximum are tracked only for
   * values beyond the range (they land in an end bin, where a quantile needs them); inside it, the
   * first and last bins' edges bound them to within a bin, which is the histogram's precision.
   */
  addBlock(block) {
    const { counts, low, perUnit, min, max } = this;
    const { cash, valid, size } = block;
    let added = 0;
    for (let j = 0; j < size; j++) added += valid[j];
    if (added === 0) return;
    if (!this.started) this.start(block);
    const allValid = added === size;
    for (let t2 = 0; t2 <= this.months; t2++) {
      const row = t2 * BLOCK_PATHS;
      const bins = t2 * BINS;
      const lowT = low[t2];
      const perUnitT = perUnit[t2];
      let minT = min[t2];
      let maxT = max[t2];
      for (let j = 0; j < size; j++) {
        if (!allValid && valid[j] === 0) continue;
        const x = cash[row + j];
        const position = (x - lowT) * perUnitT;
        if (position >= 0 && position < BINS) counts[bins + (position | 0)]++;
        else {
          counts[bins + (position >= BINS ? BINS - 1 : 0)]++;
          if (x < minT) minT = x;
          if (x > maxT) maxT = x;
        }
      }
      min[t2] = minT;
      max[t2] = maxT;
    }
    this.total += added;
  }
  /**
   * Month t's lowest and highest values: exact when some fell beyond the range, else the outer edges
   * of the first and last occupied bins.
   */
  bounds(t2) {
    const base2 = t2 * BINS;
    let first = 0;
    while (first < BINS - 1 && this.counts[base2 + first] === 0) first++;
    let last = BINS - 1;
    while (last > 0 && this.counts[base2 + last] === 0) last--;
    const low = this.low[t2];
    const width = this.width[t2];
    return [Math.min(this.min[t2], low + width * first), Math.max(this.max[t2], low + width * (last + 1))];
  }
  /** The q-quantile of month t: the bin holding rank q·(N − 1), interpolated, inside the month's bounds. */
  quantile(t2, q, [lowest, highest]) {
    if (this.total === 0) return Number.NaN;
    const rank = q * (this.total - 1);
    let seen = 0;
    const base2 = t2 * BINS;
    for (let b = 0; b < BINS; b++) {
      const c = this.counts[base2 + b];
      if (c > 0 && seen + c > rank) {
        const x = this.low[t2] + this.width[t2] * (b + (rank - seen + 0.5) / c);
        return Math.min(highest, Math.max(lowest, x));
      }
      seen += c;
    }
    return highest;
  }
  bands(startMonth) {
    const bounds = Array.from({ length: this.months + 1 }, (_, t2) => this.bounds(t2));
    const band = (q) => Float64Array.from({ length: this.months + 1 }, (_, t2) => this.quantile(t2, q, bounds[t2]));
    return { startMonth, p5: band(0.05), p25: band(0.25), p50: band(0.5), p75: band(0.75), p95: band(0.95) };
  }
};

// src/lib/scenarios.ts
var TEXT_LIMITS = { name: 64, title: 120, author: 120, description: 4e3, note: 500 };
var isObject2 = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
function parseDefaultUncertainty(json) {
  const problems = [];
  const provenance = {};
  const none = { uncertainty: NO_UNCERTAINTY, provenance, correlationRationale: "", problems };
  if (!isObject2(json) || json.version !== 1) return { ...none, problems: ["uncertainty: version must be 1"] };
  const specs = {};
  for (const [path, entry] of Object.entries(isObject2(json.ranges) ? json.ranges : {})) {
    if (!isObject2(entry)) {
      problems.push(`uncertainty.${path}: must be an object`);
      continue;
    }
    const { basis, facts, rationale, ...spec } = entry;
    if (basis !== "fact" && basis !== "assumption") problems.push(`uncertainty.${path}: basis must be fact or assumption`);
    if (!Array.isArray(facts) || !facts.every((f) => typeof f === "string")) problems.push(`uncertainty.${path}: facts must be a list of fact ids`);
    else if (basis === "fact" && facts.length === 0) problems.push(`uncertainty.${path}: a range from the articles must name its facts`);
    if (typeof rationale !== "string" || !rationale) problems.push(`uncertainty.${path}: a rationale is required`);
    provenance[path] = { basis, facts: Array.isArray(facts) ? facts : [], rationale: String(rationale) };
    specs[path] = spec;
  }
  const issues = [];
  const uncertainty = resolveUncertainty({ uncertainty: specs, correlations: json.correlations ?? [], simulation: json.simulation ?? {} }, NO_UNCERTAINTY, issues);
  problems.push(...issues.map((i) => `${i.field}: ${i.reason}`));
  if (typeof json.correlationRationale !== "string") problems.push("uncertainty.correlationRationale: the correlations need a rationale");
  return { uncertainty, provenance, correlationRationale: String(json.correlationRationale ?? ""), problems };
}
function parseBaseline(json, uncertaintyJson) {
  const problems = [];
  if (!isObject2(json) || json.version !== 1) return { baseline: null, problems: ["baseline: version must be 1"] };
  const provenance = {};
  const read = (path, entry, spec) => {
    if (!isObject2(entry)) return void problems.push(`${path}: missing`);
    const { value, basis, facts, note, formula } = entry;
    if (basis !== "fact" && basis !== "derived" && basis !== "assumption") problems.push(`${path}: basis must be fact, derived or assumption`);
    if (!Array.isArray(facts) || !facts.every((f) => typeof f === "string")) problems.push(`${path}: facts must be a list of fact ids`);
    else if (basis !== "assumption" && facts.length === 0) problems.push(`${path}: a ${String(basis)} value must name its facts`);
    if (typeof note !== "string" || !note) problems.push(`${path}: note (source or rationale) is required`);
    if (basis === "derived" && typeof formula !== "string") problems.push(`${path}: a derived value must give its formula`);
    provenance[path] = { value, basis, facts: facts ?? [], note: String(note), ...typeof formula === "string" ? { formula } : {} };
    if (!spec) return void 0;
    const checked = checkValue(spec, value);
    if (checked.ok) return checked.value;
    problems.push(`${path}: ${checked.reason}`);
    return void 0;
  };
  const firmsJson = isObject2(json.firms) ? json.firms : {};
  const firms = {};
  for (const firm of FIRMS) {
    const entries = isObject2(firmsJson[firm]) ? firmsJson[firm] : {};
    for (const key of Object.keys(entries)) {
      if (key !== "currency" && !FIRM_FIELDS.some((f) => f.key === key)) problems.push(`${firm}.${key}: unknown field`);
    }
    read(`${firm}.currency`, entries.currency);
    if (isObject2(entries.currency) && entries.currency.value !== FIRM_CURRENCY[firm]) problems.push(`${firm}.currency: must be ${FIRM_CURRENCY[firm]}`);
    const inputs = {};
    for (const spec of FIRM_FIELDS) {
      const value = read(`${firm}.${spec.key}`, entries[spec.key], spec);
      if (value !== void 0) inputs[spec.key] = value;
    }
    firms[firm] = inputs;
  }
  const marketJson = isObject2(json.market) ? json.market : {};
  const market = {};
  for (const spec of MARKET_FIELDS) {
    const value = read(`market.${spec.key}`, marketJson[spec.key], spec);
    if (value !== void 0) market[spec.key] = value;
  }
  if (problems.length) return { baseline: null, problems };
  for (const firm of FIRMS) {
    const problem = firmConsistencyProblem(firms[firm]);
    if (problem) problems.push(`${firm}.${problem.field}: ${problem.reason}`);
  }
  if (problems.length) return { baseline: null, problems };
  const defaults = uncertaintyJson === void 0 ? null : parseDefaultUncertainty(uncertaintyJson);
  if (defaults?.problems.length) return { baseline: null, problems: defaults.problems };
  const scenario = {
    version: SCENARIO_VERSION,
    name: "base",
    title: "Base case",
    description: "The sourced baseline.",
    firms,
    market,
    ...defaults ? { uncertainty: defaults.uncertainty } : {}
  };
  return { baseline: { scenario, provenance, rangeProvenance: defaults?.provenance ?? {}, correlationRationale: defaults?.correlationRationale ?? "" }, problems };
}
function scenarioFileOverrides(file) {
  const overrides = [];
  const issues = [];
  const firms = file.firms;
  if (firms !== void 0) {
    if (!isObject2(firms)) issues.push({ field: "firms", value: describeValue(firms), reason: "must be an object keyed by firm" });
    else
      for (const [firm, fields] of Object.entries(firms)) {
        if (!FIRMS.includes(firm)) {
          issues.push({ field: `firms.${firm}`, value: "", reason: `unknown firm (expected ${FIRMS.join(" or ")})` });
        } else if (!isObject2(fields)) {
          issues.push({ field: `firms.${firm}`, value: describeValue(fields), reason: "must be an object of fields" });
        } else for (const [key, value] of Object.entries(fields)) overrides.push([`${firm}.${key}`, value]);
      }
  }
  const market = file.market;
  if (market !== void 0) {
    if (!isObject2(market)) issues.push({ field: "market", value: describeValue(market), reason: "must be an object of fields" });
    else for (const [key, value] of Object.entries(market)) overrides.push([`market.${key}`, value]);
  }
  return { overrides, issues };
}
var HEADER_FIELDS = ["version", "name", "title", "description", "firms", "market", "uncertainty", "correlations", "simulation"];
var VERSION_2_FIELDS = ["author", "date", "notes"];
function checkVersion(json, issues) {
  const v = json.version;
  if (v === SCENARIO_VERSION) return null;
  if (v === 1) {
    for (const key of VERSION_2_FIELDS) if (key in json) issues.push({ field: key, value: "", reason: `is new in version 2: write "version": 2` });
    return `version 1 was read as version ${SCENARIO_VERSION} (nothing else changes): write "version": ${SCENARIO_VERSION} to silence this`;
  }
  if (v === void 0) issues.push({ field: "version", value: "", reason: `is required: write "version": ${SCENARIO_VERSION}` });
  else if (typeof v === "number" && Number.isInteger(v) && v > SCENARIO_VERSION) {
    issues.push({ field: "version", value: describeValue(v), reason: `is newer than this site reads (1 to ${SCENARIO_VERSION}): update the site, or rewrite the file for version ${SCENARIO_VERSION}` });
  } else issues.push({ field: "version", value: describeValue(v), reason: `must be ${SCENARIO_VERSION} (or 1, which is migrated)` });
  return null;
}
function headerText(json, key, issues, required) {
  const value = json[key];
  if (value === void 0 && !required) return null;
  const limit = TEXT_LIMITS[key];
  if (typeof value !== "string") issues.push({ field: key, value: describeValue(value), reason: "must be text" });
  else if (value.length > limit) issues.push({ field: key, value: `${value.slice(0, 40)}\u2026`, reason: `is ${value.length.toLocaleString("en-US")} characters long; at most ${limit.toLocaleString("en-US")}` });
  else if (key !== "description" && !value.trim()) issues.push({ field: key, value: "", reason: "must not be empty" });
  else return value;
  return null;
}
function scenarioNameProblem(name) {
  if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(name)) return "must be lowercase letters, digits and dashes, starting with a letter or digit";
  if (name.length > TEXT_LIMITS.name) return `is ${name.length} characters long; at most ${TEXT_LIMITS.name}`;
  if (name === "index") return "is reserved for the list of scenarios";
  return null;
}
function parseNotes(raw, issues) {
  if (raw === void 0) return null;
  if (!isObject2(raw)) {
    issues.push({ field: "notes", value: describeValue(raw), reason: 'must be an object of text by field, e.g. {"zhipu.growthStart": "why"}' });
    return null;
  }
  const notes = {};
  for (const [path, note] of Object.entries(raw)) {
    if (!fieldSpec(path)) issues.push({ field: `notes.${path}`, value: "", reason: "unknown field" });
    else if (typeof note !== "string" || !note.trim()) issues.push({ field: `notes.${path}`, value: describeValue(note), reason: "must be text" });
    else if (note.length > TEXT_LIMITS.note) issues.push({ field: `notes.${path}`, value: `${note.slice(0, 40)}\u2026`, reason: `is ${note.length} characters long; at most ${TEXT_LIMITS.note}` });
    else notes[path] = note;
  }
  return notes;
}
function resolveScenarioFile(json, base2) {
  const issues = [];
  if (!isObject2(json)) return { scenario: base2, issues: [{ field: "(file)", value: "", reason: "a scenario must be a JSON object" }], notices: [] };
  const migrated = checkVersion(json, issues);
  const known = /* @__PURE__ */ new Set([...HEADER_FIELDS, ...VERSION_2_FIELDS]);
  for (const key of Object.keys(json)) if (!known.has(key)) issues.push({ field: key, value: "", reason: "unknown field" });
  const nameProblem = scenarioNameProblem(json.name);
  if (nameProblem) issues.push({ field: "name", value: describeValue(json.name), reason: nameProblem });
  const name = nameProblem ? null : json.name;
  const title = headerText(json, "title", issues, true) ?? name ?? "Untitled scenario";
  const description = headerText(json, "description", issues, true) ?? "";
  const version2 = json.version !== 1;
  const author = version2 ? headerText(json, "author", issues, false) : null;
  let date = null;
  if (version2 && json.date !== void 0) {
    if (isIsoDate(json.date)) date = json.date;
    else issues.push({ field: "date", value: describeValue(json.date), reason: "must be a date written YYYY-MM-DD" });
  }
  const notes = version2 ? parseNotes(json.notes, issues) : null;
  const { overrides, issues: shapeIssues } = scenarioFileOverrides(json);
  const applied = applyOverrides(base2, overrides);
  const uncertaintyIssues = [];
  const inherited = resolveUncertainty(json, base2.uncertainty ?? NO_UNCERTAINTY, uncertaintyIssues);
  const uncertainty = json.uncertainty === void 0 ? { ...inherited, ranges: rangesFollowing(inherited.ranges, (path) => getField(base2, path), (path) => getField(applied.scenario, path)) } : inherited;
  const scenario = { ...applied.scenario, name: name ?? "custom", title, description, uncertainty };
  delete scenario.author;
  delete scenario.date;
  delete scenario.notes;
  if (author !== null) scenario.author = author;
  if (date !== null) scenario.date = date;
  if (notes !== null && Object.keys(notes).length) scenario.notes = notes;
  return { scenario, issues: [...issues, ...shapeIssues, ...applied.issues, ...uncertaintyIssues], notices: migrated ? [migrated] : [] };
}
function resolvePresets(base2, files) {
  const presets2 = /* @__PURE__ */ new Map();
  const problems = [];
  const notices = [];
  for (const [fileName, json] of files) {
    const { scenario, issues, notices: migrated } = resolveScenarioFile(json, base2);
    for (const issue of issues) problems.push(`data/scenarios/${fileName}.json: ${issue.field}: ${issue.reason}`);
    for (const notice of migrated) notices.push(`data/scenarios/${fileName}.json: ${notice}`);
    if (scenario.name !== fileName) problems.push(`data/scenarios/${fileName}.json: name "${scenario.name}" must match the file name`);
    presets2.set(fileName, scenario);
  }
  if (!presets2.has("base")) problems.push("data/scenarios/base.json: the base preset is required");
  return { presets: presets2, problems, notices };
}

// src/data/read.ts
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
var DATA_DIR = join(ROOT, "data");
var SCENARIO_DIR = join(DATA_DIR, "scenarios");
var SEEDS_DIR = resolve(ROOT, "..", "shared", "seeds");
function readBaseline() {
  const read = (file) => JSON.parse(readFileSync(join(DATA_DIR, file), "utf8"));
  const { baseline: baseline2, problems } = parseBaseline(read("baseline.json"), read("uncertainty.json"));
  if (!baseline2) throw new Error(`data/baseline.json, data/uncertainty.json:
${problems.join("\n")}`);
  return baseline2;
}
function scenarioFileNames() {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".json")).sort().map((f) => f.replace(/\.json$/, ""));
}
function readScenarioText(name) {
  return readFileSync(join(SCENARIO_DIR, `${name}.json`), "utf8");
}
function readPresetFiles() {
  return new Map(
    scenarioFileNames().map((name) => {
      try {
        return [name, JSON.parse(readScenarioText(name))];
      } catch (error) {
        throw new Error(`data/scenarios/${name}.json: not valid JSON: ${error.message}`);
      }
    })
  );
}

// ../../tmp/mb/prof.mts
var baseline = readBaseline();
var { presets } = resolvePresets(baseline.scenario, readPresetFiles());
var base = presets.get("base");
simulate(base, { paths: 5e3, seed: 1 });
var t = performance.now();
simulate(base, { paths: 1e5, seed: 1 });
console.log(performance.now() - t);
