import type { LexiconEntry } from './types.ts';

/** Entrepreneurship: founding and running a company, fundraising, launching, growth, freelancing, small business. */
export const startup: LexiconEntry = {
  strong: [
    `startup startups founder founders cofounder cofounders co+founder co+founders solo+founder founding+team
      entrepreneur entrepreneurs entrepreneurship entrepreneurial solopreneur indie+hacker indie+hackers bootstrapped
      bootstrapping small+business small+businesses small+business+owner business+owner business+owners own+boss
      my+own+boss side+hustle side+hustles seed+round pre+seed series+a series+b pitch+deck venture+capital
      venture+capitalist venture+capitalists angel+investor angel+investors mrr arr b2b b2c y+combinator techstars
      accelerator+program demo+day ecommerce e+commerce dropshipping amazon+fba growth+hacking product+launch
      launch+day launched+our launched+my product+market+fit pmf go+to+market burn+rate cap+table term+sheet
      vesting+schedule llc the+llc llc+paperwork incorporated+the+company incorporated+my registered+the+company
      registered+my+company business+plan business+license business+bank+account delaware+c+corp c+corp first+customer
      first+paying+customer paying+customers first+client first+sale first+hire hired+our+first our+first+hire
      founder+mode startup+life unit+economics customer+acquisition churn+rate mvp+launch waitlist+signups beta+users
      shark+tank dragons+den product+hunt quit+my+job+to quit+my+9+to+5 left+my+job+to my+startup our+startup
      our+business my+small+business own+business 💼`,
    // crowdfunding, launching and running a small company
    `crowdfunding crowdfund crowdfunded kickstarter kickstarter+campaign indiegogo gofundme+for+my+business
      our+backers gumroad stripe+atlas provisional+patent patent+pending filed+a+patent trademark+registered
      launched+on+product+hunt product+hunt+launch number+one+product+of+the+day monthly+revenue annual+revenue
      recurring+revenue first+1000+customers first+100+customers first+10+customers ramen+profitable default+alive
      s+corp sole+proprietor sole+trader limited+company ltd+company registered+a+business business+registration
      quarterly+taxes+for+my+business small+business+saturday shop+small support+small+businesses
      support+small+business`,
    `fundraise months+of+runway runway+left months+runway extend+our+runway extend+the+runway cash+runway runway+is
      first+enterprise+customer enterprise+customer signed+our+first signed+our+first+customer`,
    `campaign+fully+funded kickstarter+fully+funded funded+on+kickstarter my+own+product our+own+product
      quit+consulting`,
  ],
  normal: [
    `business fundraising investors pitching pitched vc vcs launched mvp saas customers hustle ceo cto coo shopify
      revenue profitable profitability freelance freelancer freelancers freelancing corporate+job marketing clients yc
      our+app runway traction pivot pivoted pivoting retention+rate churn cac ltv break+even raised+a+round
      raising+a+round raise+a+round funding+round closed+the+round investor+update investor+meeting investor+pitch
      board+meeting okrs kpi kpis business+model monetize monetization pricing+page pricing+model landing+page
      conversion+rate a+b+test newsletter+launch paid+users enterprise+customers enterprise+deal sales+call
      sales+calls cold+email cold+emails cold+outreach lead+gen lead+generation sales+pipeline deal+closed
      closed+the+deal signed+a+client new+client client+work agency+life my+agency consulting+business branding
      brand+identity digital+marketing seo content+marketing growth+team product+team invoice invoices invoicing
      payroll bookkeeping+for trademark patent patents incorporation ein acquisition acquired+by exit+strategy
      acqui+hire ipo+day unicorn+status valuation+of coworking coworking+space office+space wework hot+desk
      remote+team team+of+five hiring+our steve+jobs paul+graham naval+ravikant my+business build+in+public
      building+in+public small+team paperwork+for etsy+shop online+store online+shop storefront side+project
      launched+a+product launched+the+app app+launch`,
    `backers sprint+planning`,
  ],
  weak: `fully+funded product products my+company roadmap stakeholders all+hands signups sign+ups free+trial outbound
    the+grind nine+to+five 9+to+5 pitch launch scaling hiring brand acquired exit deck quit 🚀 users small+team
    paperwork shipped`,
};
