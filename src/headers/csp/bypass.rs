//! Script hosts known to serve JSONP endpoints or AngularJS, which let an attacker run script
//! through a host allowlist, and hosts serving Flash for `object-src`.
//!
//! The most common entries of Google CSP Evaluator's `allowlist_bypasses` lists
//! (github.com/google/csp-evaluator, Apache-2.0), as `//host/path`. Matching follows the
//! evaluator's `matchWildcardUrls`: the allowlisted source's host (with a leading `*.`
//! wildcard) must cover the bypass host, and its path must be empty, `/`, a directory prefix
//! of the bypass path, or equal to it.

/// JSONP endpoints.
pub(crate) const JSONP: &[&str] = &[
    "//www.google-analytics.com/gtm/js",
    "//ssl.google-analytics.com/gtm/js",
    "//googletagmanager.com/gtm/js",
    "//www.googletagmanager.com/gtm/js",
    "//googleads.g.doubleclick.net/pagead/conversion/1036918760/wcm",
    "//www.googleadservices.com/pagead/conversion/1070110417/wcm",
    "//partner.googleadservices.com/gampad/ads",
    "//securepubads.g.doubleclick.net/gampad/ads",
    "//pagead2.googlesyndication.com/relatedsearch",
    "//www.google.com/tools/feedback/escalation-options",
    "//clients1.google.com/complete/search",
    "//accounts.google.com/o/oauth2/revoke",
    "//translate.google.com/translate_a/l",
    "//translate.googleapis.com/translate_a/l",
    "//ajax.googleapis.com/ajax/services/search/news",
    "//maps.googleapis.com/maps/api/js/GeoPhotoService.GetMetadata",
    "//www.googleapis.com/freebase/v1/topic/m/0344_",
    "//maps.google.com/maps/vt",
    "//books.google.com/books",
    "//cse.google.com/api/007627024705277327428/cse/r3vs7b0fcli/queries/js",
    "//www.youtube.com/profile_style",
    "//api.facebook.com/restserver.php",
    "//www.facebook.com/restserver.php",
    "//graph.facebook.com/1/",
    "//api.twitter.com/1/statuses/oembed.json",
    "//syndication.twitter.com/widgets/timelines/765840589183213568",
    "//cdn.syndication.twimg.com/widgets/timelines/599200054310604802",
    "//api.instagram.com/v1/tags/partykungen23328/media/recent",
    "//vimeo.com/api/oembed.json/",
    "//api.vk.com/method/wall.get",
    "//mc.yandex.ru/watch/24306916/1",
    "//yandex.ru/soft/browsers/check",
    "//api.mixpanel.com/track/",
    "//m.addthis.com/live/red_lojson/100eng.json",
    "//www.sharethis.com/get-publisher-info.php",
    "//links.services.disqus.com/api/ping",
    "//widgets.pinterest.com/v3/pidgets/boards/ciciwin/hedgehog-squirrel-crafts/pins/",
    "//api.flickr.com/services/feeds/photos_friends.gne",
    "//query.yahooapis.com/v1/public/yql",
    "//api.map.baidu.com/",
    "//suggest.taobao.com/sug",
    "//se.wikipedia.org/w/api.php",
    "//nominatim.openstreetmap.org/",
    "//fast.wistia.com/embed/medias/o75jtw7654.json",
    "//ib.adnxs.com/jpt",
    "//gum.criteo.com/sync",
    "//cdn.jsdelivr.net",
];

/// JSONP entries that only work when `'unsafe-eval'` is allowed too.
pub(crate) const JSONP_NEEDS_EVAL: &[&str] = &[
    "googletagmanager.com",
    "www.googletagmanager.com",
    "www.googleadservices.com",
    "google-analytics.com",
    "ssl.google-analytics.com",
    "www.google-analytics.com",
];

/// AngularJS copies (template injection runs script without inline code).
pub(crate) const ANGULAR: &[&str] = &[
    "//gstatic.com/fsn/angular_js-bundle1.js",
    "//www.gstatic.com/fsn/angular_js-bundle1.js",
    "//www.googleadservices.com/pageadimg/imgad",
    "//ajax.googleapis.com/ajax/libs/angularjs/1.2.0rc1/angular-route.min.js",
    "//cdnjs.cloudflare.com/ajax/libs/angular.js/1.2.16/angular.min.js",
    "//cdn.jsdelivr.net/angularjs/1.1.2/angular.min.js",
    "//oss.maxcdn.com/angularjs/1.2.20/angular.min.js",
    "//yastatic.net/angularjs/1.2.23/angular.min.js",
    "//cdn.shopify.com/s/files/1/0225/6463/t/1/assets/angular-animate.min.js",
    "//raw.githubusercontent.com/angular/code.angularjs.org/master/1.0.7/angular-resource.js",
    "//s3-eu-west-1.amazonaws.com/staticancpa/js/angular-cookies.min.js",
    "//cdn.bootcss.com/angular.js/1.2.0/angular.min.js",
    "//static.tumblr.com/x5qdx0r/nPOnngtff/angular-resource.min_1_.js",
];

/// Flash files usable through `object-src`.
pub(crate) const FLASH: &[&str] =
    &["//ajax.googleapis.com/ajax/libs/yui/2.8.0r4/build/charts/assets/charts.swf"];

/// Splits "//host/path" or a CSP source ("https://*.example.com/js/") into (host, path).
fn host_path(s: &str) -> (String, String) {
    let s = s.split_once("://").map_or(s, |(_, r)| r);
    let s = s.trim_start_matches('/');
    let (host, path) = s.split_once('/').map_or((s, ""), |(h, p)| (h, p));
    let host = host.split(':').next().unwrap_or(host);
    (host.to_ascii_lowercase(), format!("/{path}"))
}

/// The first bypass URL in `list` that the CSP source `source` allows, as its host.
pub(crate) fn matching(source: &str, list: &[&str]) -> Option<String> {
    let (src_host, src_path) = host_path(source);
    list.iter().find_map(|bypass| {
        let (host, path) = host_path(bypass);
        let host_ok = match src_host.strip_prefix("*.") {
            Some(domain) => host.ends_with(&format!(".{domain}")),
            None => host == src_host,
        };
        let path_ok = src_path == "/"
            || (src_path.ends_with('/') && path.starts_with(&src_path))
            || path == src_path;
        (host_ok && path_ok).then_some(host)
    })
}
