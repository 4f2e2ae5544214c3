import type { LexiconEntry } from './types.ts';

/** Money: investing and markets, crypto, the economy, personal finance, banking and tax. */
export const finance: LexiconEntry = {
  strong: [
    // markets and investing
    `stock stocks stock+market investing investor investors investment investments portfolio dividend dividends etf
      etfs index+fund index+funds crypto cryptocurrency cryptocurrencies bitcoin ethereum btc eth solana dogecoin
      altcoin altcoins stablecoin stablecoins defi web3 blockchain coinbase binance crypto+wallet cold+wallet hodl
      hodling satoshi bitcoin+halving nasdaq wall+street interest+rate interest+rates inflation recession deflation
      stagflation mortgage mortgages 401k 401+k roth+ira roth traditional+ira bull+market bear+market bull+run
      hedge+fund hedge+funds private+equity forex credit+score net+worth fintech finance finances student+loan
      student+loans debt+free personal+finance financial+independence fire+movement retire+early early+retirement
      lean+fire fat+fire s+p+500 sp500 s+p500 spx dow+jones ftse ftse+100 nikkei russell+2000 vix vanguard schwab
      charles+schwab robinhood etrade e+trade fidelity+account brokerage brokerage+account vtsax voo vti qqq reit
      reits treasuries treasury+bonds t+bills yield+curve basis+points rate+cut rate+cuts rate+hike rate+hikes
      federal+reserve fomc cpi+report jobs+report gdp earnings+call earnings+season earnings+report quarterly+earnings
      market+cap pe+ratio p+e+ratio short+squeeze short+selling shorting options+trading call+options put+options
      day+trading day+trader swing+trading technical+analysis candlestick+chart market+crash sell+off selloff
      stock+split buyback buybacks diamond+hands paper+hands wallstreetbets wsb meme+stock meme+stocks
      all+time+high+for+bitcoin dollar+cost+averaging dca+into expense+ratio asset+allocation rebalance rebalanced
      rebalancing diversify diversified diversification compound+interest high+yield+savings hysa savings+account
      emergency+fund sinking+fund sinking+funds no+spend+month no+spend+challenge zero+based+budget budget+spreadsheet
      debt+snowball debt+avalanche paid+off+my paid+off+the+car paid+off+my+student credit+card+debt down+payment
      home+loan refinance refinanced refi tax+return tax+refund tax+season filed+my+taxes irs hmrc w2 w+2 1099+form
      financial+advisor financial+planner wealth+management warren+buffett buffett berkshire+hathaway ray+dalio
      jpmorgan jp+morgan goldman+sachs morgan+stanley blackrock citadel+securities 📈 📉 💰 💹 🏦`,
    `buying+opportunity buy+the+dip bought+the+dip market+dip the+dip+in isa stocks+and+shares+isa cash+isa
      lifetime+isa hsa+account roth+conversion maxed+out+my+roth maxed+out+my+isa maxed+out+my+401k`,
    `paid+off+my+credit+card paid+off+my+mortgage paid+off+my+loan paid+off+my+student+loans savings+goal
      saving+for+a+house house+deposit deposit+for+a+house first+home+deposit`,
  ],
  normal: [
    `shares invest invested loan loans debt budget budgeting savings ira retirement pension pensions bonds treasury
      earnings trading trader traders credit+card taxes accounting bookkeeping financial frugal frugality economy
      economic economics economist markets ipo valuation wealth paycheck payday banking nft nfts s+p dow+jones
      fed+rate the+fed 💵 💸 🪙 💳 apy cashback cash+back couponing side+income passive+income extra+income income+stream
      income+streams net+income gross+income salary+negotiation pay+rise pay+raise bonus+check annual+bonus
      raise+at+work severance+pay severance+package cpa tax+bracket tax+brackets capital+gains deductions write+off
      invoice+paid housing+market real+estate property+market rental+property rental+income landlording buy+to+let
      first+time+buyer first+time+buyers house+prices home+prices property+ladder exchange+rate currency+markets
      euro+dollar strong+dollar weak+pound the+yen bank+account bank+accounts checking+account overdraft neobank monzo
      revolut wise+transfer paypal venmo zelle klarna buy+now+pay+later bnpl insurance+premium life+insurance annuity
      annuities share+price ticker tickers blue+chip growth+stocks value+investing yield+on bond+yields
      treasury+yields central+bank central+banks ecb bank+of+england jerome+powell yellen fed+chair tariffs tariff
      trade+war the+economy economic+growth unemployment+rate job+market layoffs price+increases cost+of+living
      spending+habits budgeting+app ynab mint+app spreadsheet+budget money+goals financial+goals money+saving
      money+tips personal+budget monthly+budget`,
  ],
  weak: `money cash accountant bank tax market fed dollar dollars assets yield profit profits price prices salary
    bills apple euro euros yen income gamestop amc tesla nvidia barrel interest apr coupons saving+up saved+up
    saving+for saved+for powell self+assessment`,
};
