package org.wavelength.web.http;

/** A state-changing API request with the sign-in cookie that does not show it comes from this site: 403. */
public class CrossSiteRequestException extends RuntimeException {

    public CrossSiteRequestException() {
        super("This request carries the site's sign-in cookie but does not come from the site's own pages (its Origin"
                + " or Sec-Fetch-Site names another site): refused. Scripts sign in with HTTP Basic instead.");
    }
}
